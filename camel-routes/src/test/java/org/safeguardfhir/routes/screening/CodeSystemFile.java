package org.safeguardfhir.routes.screening;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;

/**
 * A CodeSystem as shipped in the terminology jar, read from the test classpath, so that enums mirroring a CodeSystem
 * are checked against the published file rather than against a copy. Public because the referral tests check their
 * enums the same way.
 */
public final class CodeSystemFile {

    private CodeSystemFile() {}

    public static CodeSystem read(String id) {
        String path = "fhir/CodeSystem-" + id + ".json";
        try (InputStream json = CodeSystemFile.class.getClassLoader().getResourceAsStream(path)) {
            if (json == null) {
                throw new IllegalArgumentException("not on the classpath: " + path);
            }
            return FhirContext.forR4Cached().newJsonParser().parseResource(CodeSystem.class, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Code to English display of the top-level concepts, in file order. */
    public static Map<String, String> displays(String id) {
        Map<String, String> displays = new LinkedHashMap<>();
        for (ConceptDefinitionComponent concept : read(id).getConcept()) {
            displays.put(concept.getCode(), concept.getDisplay());
        }
        return displays;
    }
}
