package org.safeguardfhir.routes.referral;

import org.apache.camel.builder.RouteBuilder;

/**
 * One screening hand-off, in one transaction: read the screening and what it already produced, decide, and write the
 * referrals. Durable work delivers each hand-off here at least once ({@link ReferralDelivery}); a failure rolls the
 * whole attempt back and goes back to durable work, which retries it or keeps it as a dead letter. Every write is keyed
 * on a business identifier and planned against what exists, so a second delivery finds its referrals made.
 */
class ScreeningToReferralRoute extends RouteBuilder {

    static final String ENTRY = "direct:screening-to-referral";

    static final String ROUTE_ID = "screening-to-referral";

    static final String TRANSACTION_POLICY = "referralTransaction";

    private final ReferralSteps steps;

    ScreeningToReferralRoute(ReferralSteps steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(ENTRY)
                .routeId(ROUTE_ID)
                .transacted(TRANSACTION_POLICY)
                .bean(steps, "load")
                .id("load-screening")
                .bean(steps, "assess")
                .id("assess-screening")
                .bean(steps, "plan")
                .id("plan-referrals")
                .bean(steps, "map")
                .id("map-referral-bundle")
                .bean(steps, "write")
                .id("write-referrals");
    }
}
