package org.safeguardfhir.profiles.questionnaire;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Writes a resource in the layout of the artefact sources: four-space indentation, {@code "key": value}. */
final class ArtefactJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));

    private ArtefactJson() {}

    static String write(IBaseResource resource) {
        try {
            var tree = JSON.readTree(ScreeningArtefacts.FHIR.newJsonParser().encodeResourceToString(resource));
            return JSON.writer(LAYOUT).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
