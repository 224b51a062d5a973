package org.safeguardfhir.testfixtures;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The example resources the conformance package ships ({@code fhir/examples/<ResourceType>-<id>.json}), read from
 * the test classpath, so every module's tests use exactly the files the package holds.
 */
public final class FhirExamples {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirExamples() {}

    /** Every example of one resource type, parsed. */
    public static <T extends IBaseResource> List<T> all(Class<T> type) {
        String pattern = "classpath*:fhir/examples/" + type.getSimpleName() + "-*.json";
        var found = new ArrayList<T>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream json = resource.getInputStream()) {
                    found.add(FHIR.newJsonParser().parseResource(type, json));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The example of this type and id, if one is shipped. */
    public static <T extends IBaseResource> Optional<T> find(Class<T> type, String id) {
        String file = "fhir/examples/" + type.getSimpleName() + "-" + id + ".json";
        try (InputStream json = FhirExamples.class.getClassLoader().getResourceAsStream(file)) {
            return json == null
                    ? Optional.empty()
                    : Optional.of(FHIR.newJsonParser().parseResource(type, json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example of this type and id; it must be shipped. */
    public static <T extends IBaseResource> T of(Class<T> type, String id) {
        return find(type, id)
                .orElseThrow(() -> new IllegalArgumentException("no example " + type.getSimpleName() + "/" + id));
    }
}
