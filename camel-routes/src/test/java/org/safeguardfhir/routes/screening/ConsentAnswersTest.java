package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentAnswersTest {

    @Test
    void yesIsConsentAndNoIsRefusalForEachConsentItem() {
        ConsentAnswers consent = ConsentAnswers.from(ScreeningResponse.adult()
                .answer("consent.uk.nrm", "yes")
                .answer("consent.uk.helpline", "no")
                .answer("consent.uk.salvation-army", "yes")
                .answer("consent.no.rosa", "no")
                .answer("consent.no.police", "yes")
                .answers());

        assertThat(consent.byPathway())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "nrm-first-responder", true,
                        "modern-slavery-helpline", false,
                        "salvation-army-referral-helpline", true,
                        "rosa", false,
                        "police-no", true));
    }

    @Test
    void unsureDeclinedAndUnansweredAreUnknown() {
        ConsentAnswers consent = ConsentAnswers.from(ScreeningResponse.adult()
                .answer("consent.uk.nrm", "unsure")
                .answer("consent.no.rosa", "declined")
                .answers());

        assertThat(consent.forPathway("nrm-first-responder")).isEmpty();
        assertThat(consent.forPathway("rosa")).isEmpty();
        assertThat(consent.forPathway("modern-slavery-helpline")).isEmpty();
    }

    @Test
    void theDutyToNotifyAnswerIsNotConsentToAPathway() {
        // Duty to Notify is anonymous and needs no consent; the question only asks whether to use it.
        ConsentAnswers consent = ConsentAnswers.from(ScreeningResponse.adult()
                .answer("consent.uk.nrm", "no")
                .answer("consent.uk.duty-to-notify", "yes")
                .answers());

        assertThat(consent.byPathway()).containsExactly(Map.entry("nrm-first-responder", false));
    }

    @Test
    void theMapIsCopiedAndCannotBeChanged() {
        Map<String, Boolean> source = new HashMap<>(Map.of("rosa", true));
        ConsentAnswers consent = new ConsentAnswers(source);
        source.put("rosa", false);

        assertThat(consent.forPathway("rosa")).contains(true);
        assertThatThrownBy(() -> consent.byPathway().put("rosa", false))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
