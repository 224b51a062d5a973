package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralPlanTest {

    private static final PlannedReferral LEAD =
            PlannedReferral.ready(ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD, ReferralPriority.URGENT);
    private static final PlannedReferral ROSA_HELD =
            PlannedReferral.awaitingConsent(ReferralPathway.ROSA, ReferralPriority.URGENT);

    @Test
    void findReturnsTheReferralForAPathway() {
        ReferralPlan plan = new ReferralPlan(List.of(LEAD, ROSA_HELD));

        assertThat(plan.find(ReferralPathway.ROSA)).contains(ROSA_HELD);
        assertThat(plan.find(ReferralPathway.POLICE_NO)).isEmpty();
    }

    @Test
    void pathwaysAreThoseOfTheReferralsInEnumOrder() {
        ReferralPlan plan = new ReferralPlan(List.of(ROSA_HELD, LEAD));

        assertThat(plan.pathways()).containsExactly(ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD, ReferralPathway.ROSA);
    }

    @Test
    void twoReferralsForOnePathwayAreRejected() {
        PlannedReferral rosaReady = PlannedReferral.ready(ReferralPathway.ROSA, ReferralPriority.URGENT);

        assertThatThrownBy(() -> new ReferralPlan(List.of(ROSA_HELD, rosaReady)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReferralsAreCopiedAndCannotBeChanged() {
        List<PlannedReferral> referrals = new ArrayList<>(List.of(LEAD));
        ReferralPlan plan = new ReferralPlan(referrals);
        referrals.add(ROSA_HELD);

        assertThat(plan.referrals()).containsExactly(LEAD);
        assertThatThrownBy(() -> plan.referrals().add(ROSA_HELD)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> plan.pathways().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
