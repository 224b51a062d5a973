package org.safeguardfhir.routes.referral;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The referral Tasks one screen calls for, in {@link ReferralPathway} order. At most one referral per pathway, because
 * each Task's business identifier is derived from the screen and the pathway: two for one pathway would collide.
 */
public record ReferralPlan(List<PlannedReferral> referrals) {

    public ReferralPlan {
        referrals = List.copyOf(referrals);
        if (referrals.stream().map(PlannedReferral::pathway).distinct().count() != referrals.size()) {
            throw new IllegalArgumentException("more than one referral for a pathway: " + referrals);
        }
    }

    public Optional<PlannedReferral> find(ReferralPathway pathway) {
        return referrals.stream().filter(r -> r.pathway() == pathway).findFirst();
    }

    public Set<ReferralPathway> pathways() {
        Set<ReferralPathway> pathways = EnumSet.noneOf(ReferralPathway.class);
        referrals.forEach(r -> pathways.add(r.pathway()));
        return Collections.unmodifiableSet(pathways);
    }
}
