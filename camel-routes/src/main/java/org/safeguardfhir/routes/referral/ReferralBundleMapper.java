package org.safeguardfhir.routes.referral;

import java.time.Clock;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.safeguardfhir.routes.screening.ScreeningAssessment;

/**
 * Turns a screening, its assessment and its referral plan into one transaction Bundle: referral Tasks, the patient's
 * Flags, the screening-result Observation and a Provenance. Only what differs from what is already stored is written,
 * so an unchanged redelivery yields an empty Bundle.
 *
 * <p>No suspected-trafficking Condition is written here: a screen is not a diagnosis, and a label on a person's record
 * from an unvalidated score could follow a non-victim for years. The safeguarding lead records the concern, when they
 * confirm it, with {@code QuestionnaireResponse/[id]/$confirm-concern}.
 */
final class ReferralBundleMapper {

    private final ReferralTaskMapper tasks = new ReferralTaskMapper();
    private final SafeguardingFlagMapper flags = new SafeguardingFlagMapper();
    private final ScreeningResultMapper result = new ScreeningResultMapper();
    private final ProvenanceMapper provenance = new ProvenanceMapper();
    private final Clock clock;

    ReferralBundleMapper(Clock clock) {
        this.clock = clock;
    }

    public Bundle map(ScreeningCase screening, ScreeningAssessment assessment, ReferralPlan plan) {
        Instant now = clock.instant();
        boolean positive = !screening.withdrawn() && assessment.outcome().isPositive();
        var writes = new TransactionBuilder();
        tasks.map(screening, assessment, plan, now, writes);
        flags.map(screening, assessment, positive, now, writes);
        result.map(screening, assessment.outcome(), positive && assessment.sexualExploitationSuspected(), writes);
        provenance.map(screening, now, writes);
        return writes.build();
    }
}
