package org.safeguardfhir.profiles.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.profiles.ConformancePackage;

class FhirNpmPackageTest {

    static final List<Path> SOURCES =
            List.of(Path.of("../terminology/src/main/resources/fhir"), Path.of("src/main/resources/fhir"));

    @Test
    void isAPackageHapiCanReadWithOurNameVersionAndCanonical() throws IOException {
        var npm = NpmPackage.fromPackage(new ByteArrayInputStream(FhirNpmPackage.build(SOURCES)));

        assertThat(npm.name()).isEqualTo(ConformancePackage.ID);
        assertThat(npm.version()).isEqualTo(ConformancePackage.VERSION);
        assertThat(npm.canonical()).isEqualTo("https://safeguardfhir.org/fhir");
        assertThat(npm.fhirVersion()).isEqualTo("4.0.1");
    }

    @Test
    void holdsEveryArtefactSourceAndNoExample() throws IOException {
        var npm = NpmPackage.fromPackage(new ByteArrayInputStream(FhirNpmPackage.build(SOURCES)));
        var expected = FhirNpmPackage.artefactFiles(SOURCES).stream()
                .map(p -> p.getFileName().toString())
                .toList();

        assertThat(npm.list("package")).containsAll(expected).noneMatch(name -> name.contains("example"));
        assertThat(npm.listResources("CodeSystem")).isNotEmpty();
        assertThat(npm.listResources("ValueSet")).isNotEmpty();
    }

    @Test
    void buildWritesTheSamePackageIntoTheJar() throws IOException {
        try (InputStream built = getClass().getClassLoader().getResourceAsStream(FhirNpmPackage.CLASSPATH_LOCATION)) {
            assertThat(built).as("package built by the process-classes phase").isNotNull();
            assertThat(built.readAllBytes()).isEqualTo(FhirNpmPackage.build(SOURCES));
        }
    }
}
