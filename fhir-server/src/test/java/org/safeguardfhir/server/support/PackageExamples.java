package org.safeguardfhir.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.safeguardfhir.profiles.packaging.FhirNpmPackage;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The conformance package and the shipped examples, read from the profiles module on the test classpath. */
public final class PackageExamples {

    private PackageExamples() {}

    /** The examples of one resource type, parsed; file names are {@code <ResourceType>-<id>.json}. */
    public static <T extends IBaseResource> List<T> examples(Class<T> type) {
        String pattern = "classpath*:fhir/examples/" + type.getSimpleName() + "-*.json";
        var found = new ArrayList<T>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    found.add(FhirClients.context().newJsonParser().parseResource(type, json));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static <T extends IBaseResource> T example(Class<T> type, String id) {
        return examples(type).stream()
                .filter(r -> r.getIdElement().getIdPart().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example " + type.getSimpleName() + "/" + id));
    }

    /** The package the server installs, as HAPI reads it. */
    public static NpmPackage conformancePackage() {
        try (InputStream in =
                PackageExamples.class.getClassLoader().getResourceAsStream(FhirNpmPackage.CLASSPATH_LOCATION)) {
            return NpmPackage.fromPackage(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
