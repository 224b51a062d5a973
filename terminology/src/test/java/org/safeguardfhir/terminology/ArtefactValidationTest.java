package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.testfixtures.OfflineValidation;

/** Each artefact is valid against the base FHIR R4 specification, checked offline by HAPI's instance validator. */
class ArtefactValidationTest {

    private static final FhirValidator VALIDATOR =
            OfflineValidation.validator(Artefacts.FHIR, Artefacts.supportChain(), true);

    static Stream<Named<Path>> files() {
        return Artefacts.namedFiles();
    }

    @ParameterizedTest
    @MethodSource("files")
    void validatesWithoutErrors(Path file) {
        assertThat(errors(Artefacts.read(file))).isEmpty();
    }

    @Test
    void reportsAnErrorForAnInvalidArtefact() {
        String invalid = Artefacts.read(Artefacts.files().get(0))
                .replace("\"content\": \"complete\"", "\"content\": \"everything\"");

        assertThat(invalid).contains("everything");
        assertThat(errors(invalid)).isNotEmpty();
    }

    private static List<String> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(ArtefactValidationTest::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
