package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    void theDutyToNotifyAnswerIsTheCliniciansJudgementNotConsentToAPathway() {
        ConsentAnswers consent = ConsentAnswers.from(ScreeningResponse.adult()
                .answer("consent.uk.nrm", "no")
                .answer("consent.uk.duty-to-notify", "no")
                .answers());

        assertThat(consent.byPathway()).containsExactly(Map.entry("nrm-first-responder", false));
        assertThat(consent.dutyToNotify()).contains(false);
        assertThat(ConsentAnswers.from(ScreeningResponse.adult().answers()).dutyToNotify())
                .isEmpty();
    }

    @Test
    void answersCountOnlyWhenThePatientWasSeenAloneWithoutACompanionInterpretingAndTheOptionsWereExplained() {
        assertThat(safelyObtained(true, true, "professional")).isTrue();
        assertThat(safelyObtained(true, true, "none-needed")).isTrue();
        assertThat(safelyObtained(false, true, "professional")).isFalse();
        assertThat(safelyObtained(true, false, "professional")).isFalse();
        assertThat(safelyObtained(true, true, "family-friend-accompanying")).isFalse();
        assertThat(ConsentAnswers.from(ScreeningResponse.adult().answers()).obtainedSafely())
                .as("nothing recorded about the setting")
                .isFalse();
    }

    private static boolean safelyObtained(boolean seenAlone, boolean explained, String interpreter) {
        return ConsentAnswers.from(ScreeningResponse.adult()
                        .answer("context.seen-alone", seenAlone)
                        .answer("consent.explained", explained)
                        .answer("context.interpreter", interpreter)
                        .answer("consent.uk.nrm", "yes")
                        .answers())
                .obtainedSafely();
    }

    @Test
    void theMapIsCopiedAndCannotBeChanged() {
        Map<String, Boolean> source = new HashMap<>(Map.of("rosa", true));
        ConsentAnswers consent = new ConsentAnswers(source, true, Optional.empty());
        source.put("rosa", false);

        assertThat(consent.forPathway("rosa")).contains(true);
        assertThatThrownBy(() -> consent.byPathway().put("rosa", false))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
