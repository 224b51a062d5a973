package org.safeguardfhir.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.profiles.ScreeningInstrument;
import org.safeguardfhir.server.support.PackageExamples;

class ScreeningResponseCompletionTest {

    private final ScreeningResponseCompletion completion = new ScreeningResponseCompletion();

    @Test
    void assignsAnIdentifierAndRecordsTheOutcomeOfAResponseWithout() {
        var response = example();
        response.setIdentifier(null);
        response.getItem().removeIf(item -> item.getLinkId().equals("outcome"));

        completion.complete(response, null);

        assertThat(response.getIdentifier().getSystem()).isEqualTo("urn:ietf:rfc:3986");
        assertThat(response.getIdentifier().getValue()).startsWith("urn:uuid:");
        assertThat(response.getItem())
                .filteredOn(item -> item.getLinkId().equals("outcome"))
                .singleElement()
                .satisfies(item -> assertThat(
                                item.getAnswerFirstRep().getValueCoding().getCode())
                        .isEqualTo("positive"));
    }

    @Test
    void keepsTheStoredIdentifierOnAnUpdateWithout() {
        var stored = example();
        stored.setIdentifier(
                new Identifier().setSystem("https://ehr.example.org/sid/qr").setValue("qr-1"));
        var update = example();
        update.setIdentifier(null);

        completion.complete(update, stored);

        assertThat(update.getIdentifier().getValue()).isEqualTo("qr-1");
    }

    @Test
    void leavesResponsesToOtherQuestionnairesAlone() {
        var other = example();
        other.setIdentifier(null);
        other.setQuestionnaire("https://example.org/Questionnaire/phq-9");

        completion.complete(other, null);

        assertThat(other.hasIdentifier()).isFalse();
    }

    @Test
    void treatsTheNorwegianVariantAsAScreening() {
        var norwegian = example();
        norwegian.setIdentifier(null);
        norwegian.setQuestionnaire(ScreeningInstrument.ADULT.variantCanonical("nb") + "|0.1.0");

        completion.complete(norwegian, null);

        assertThat(norwegian.hasIdentifier()).isTrue();
    }

    private static QuestionnaireResponse example() {
        return PackageExamples.example(QuestionnaireResponse.class, "adult-screening-positive")
                .copy();
    }
}
