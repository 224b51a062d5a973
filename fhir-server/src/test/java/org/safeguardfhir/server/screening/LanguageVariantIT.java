package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.profiles.ScreeningInstrument;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A response to the Norwegian variant of a questionnaire is a screening like any other, with the same referrals. */
@FhirServerIntegrationTest
class LanguageVariantIT {

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    Screenings screenings;

    @BeforeEach
    void setUp() {
        screenings = new Screenings(client, jdbc);
    }

    @Test
    void clientFindsAVariantByTheInstrumentsUrlAndALanguage() {
        Bundle found = client.search()
                .byUrl("Questionnaire?url:below=" + ScreeningInstrument.ADULT.canonical() + "&_tag=urn:ietf:bcp:47|nb")
                .returnBundle(Bundle.class)
                .execute();

        assertThat(found.getEntry()).singleElement().satisfies(entry -> {
            var questionnaire = (Questionnaire) entry.getResource();
            assertThat(questionnaire.getUrl()).isEqualTo(ScreeningInstrument.ADULT.variantCanonical("nb"));
            assertThat(questionnaire.getLanguage()).isEqualTo("nb");
        });
    }

    @Test
    void responseToTheNorwegianVariantIsReferredAsTheInstrumentIs() {
        Reference english = screenings.patient("1990-05-01");
        Reference norwegian = screenings.patient("1990-05-01");
        String englishId = screenings.submit(screenings.example("adult-screening-positive", english));
        var response = screenings.example("adult-screening-positive", norwegian);
        response.setQuestionnaire(ScreeningInstrument.ADULT.variantCanonical("nb") + "|0.1.0");
        withoutTexts(response.getItem());
        String norwegianId = screenings.submit(response);
        screenings.awaitProcessed(englishId);
        screenings.awaitProcessed(norwegianId);

        assertThat(pathways(norwegianId)).isNotEmpty().isEqualTo(pathways(englishId));
    }

    private List<String> pathways(String responseId) {
        return screenings.search(Task.class, "focus=QuestionnaireResponse/" + responseId).stream()
                .map(task -> task.getCode().getCodingFirstRep().getCode())
                .sorted()
                .toList();
    }

    /** Item texts must match the Questionnaire answered; a form filler in Norwegian sends Norwegian ones, or none. */
    private static void withoutTexts(List<QuestionnaireResponseItemComponent> items) {
        for (var item : items) {
            item.setText(null);
            withoutTexts(item.getItem());
        }
    }
}
