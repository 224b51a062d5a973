package org.safeguardfhir.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/** The package's artefact table in the docs names exactly the artefacts the package holds, no more and no fewer. */
class ArtefactDocumentationTest {

    private static final Path PAGE = Path.of("../docs/conformance-package.md");
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Za-z]+) \\| `([A-Za-z0-9.-]+)` \\|");

    @Test
    void theDocumentedArtefactTableIsThePackage() throws IOException {
        var documented = new TreeSet<String>();
        for (String line : Files.readAllLines(PAGE)) {
            var row = ROW.matcher(line);
            if (row.find()) {
                documented.add(row.group(1) + "/" + row.group(2));
            }
        }
        Set<String> packaged = new TreeSet<>();
        Stream.concat(
                        ConformanceArtefacts.jsonFiles(ConformanceArtefacts.TERMINOLOGY).stream(),
                        ConformanceArtefacts.jsonFiles(ConformanceArtefacts.PROFILES).stream())
                .map(ConformanceArtefacts::parse)
                .forEach(artefact -> packaged.add(artefact.fhirType() + "/" + idOf(artefact)));

        assertThat(documented).as("the artefact table in " + PAGE).isEqualTo(packaged);
    }

    private static String idOf(IBaseResource artefact) {
        return artefact.getIdElement().getIdPart();
    }
}
