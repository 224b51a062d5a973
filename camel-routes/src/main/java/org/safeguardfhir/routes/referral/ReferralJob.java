package org.safeguardfhir.routes.referral;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.safeguardfhir.routes.outbox.OutboxMessage;
import org.safeguardfhir.routes.screening.ScreeningAssessment;

/** The body that travels the referral route: one screening hand-off and what each step made of it. */
public final class ReferralJob {

    private final OutboxMessage message;
    private Optional<ScreeningCase> screening = Optional.empty();
    private ScreeningAssessment assessment;
    private ReferralPlan plan;
    private Bundle transaction;

    ReferralJob(OutboxMessage message) {
        this.message = message;
    }

    public OutboxMessage message() {
        return message;
    }

    Optional<ScreeningCase> screening() {
        return screening;
    }

    void screening(Optional<ScreeningCase> loaded) {
        this.screening = loaded;
    }

    ScreeningAssessment assessment() {
        return assessment;
    }

    void assessment(ScreeningAssessment assessment) {
        this.assessment = assessment;
    }

    ReferralPlan plan() {
        return plan;
    }

    void plan(ReferralPlan plan) {
        this.plan = plan;
    }

    Bundle transaction() {
        return transaction;
    }

    void transaction(Bundle transaction) {
        this.transaction = transaction;
    }
}
