package org.safeguardfhir.routes.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.safeguardfhir.routes.screening.ExploitationType;
import org.safeguardfhir.routes.screening.ScreeningAssessment;

/**
 * Turns a screening, its assessment and its referral plan into one transaction Bundle: referral Tasks, the patient's
 * safeguarding Flag, the screening-result Observation, suspected-trafficking Conditions and a Provenance. Only what
 * differs from what is already stored is written, so an unchanged redelivery yields an empty Bundle.
 */
public final class ReferralBundleMapper {

    private final ReferralTaskMapper tasks;
    private final SafeguardingFlagMapper flag = new SafeguardingFlagMapper();
    private final ScreeningResultMapper result = new ScreeningResultMapper();
    private final SuspicionMapper suspicions;
    private final ProvenanceMapper provenance = new ProvenanceMapper();
    private final Clock clock;

    public ReferralBundleMapper(ReferralIdentifiers identifiers, Icd10cmMap icd10cm, Clock clock) {
        this.tasks = new ReferralTaskMapper(identifiers);
        this.suspicions = new SuspicionMapper(icd10cm);
        this.clock = clock;
    }

    public Bundle map(ScreeningCase screening, ScreeningAssessment assessment, ReferralPlan plan) {
        Instant now = clock.instant();
        boolean positive = !screening.withdrawn() && assessment.outcome().isPositive();
        Set<ExploitationType> suspected = positive ? assessment.exploitation() : Set.of();
        var writes = new TransactionBuilder();
        tasks.map(screening, plan, now, writes);
        flag.map(screening, positive, now, writes);
        result.map(screening, assessment.outcome(), suspected.contains(ExploitationType.SEXUAL), writes);
        suspicions.map(screening, suspected, assessment.ageGroup(), writes);
        provenance.map(screening, now, writes);
        return writes.build();
    }
}
