package org.safeguardfhir.routes.referral;

import org.apache.camel.builder.RouteBuilder;

/**
 * Drains the outbox: each wake-up (a commit that enqueued a screening, or the safety-net poll) makes one of the
 * competing workers claim and process rows until none is due. Each row is processed in one transaction that reads the
 * screening, decides, writes the referrals and deletes the row, so a crash at any point leaves the row to be
 * claimed again and never half of its referrals.
 */
class ScreeningToReferralRoute extends RouteBuilder {

    /** Wake-up signals; a full queue drops the signal, since busy workers drain until the outbox is empty anyway. */
    static final String WAKE_ENDPOINT =
            "seda:outbox-wake?size=1000&discardWhenFull=true&concurrentConsumers={{safeguard.pipeline.workers}}";

    static final String TRANSACTION_POLICY = "referralTransaction";

    private final ReferralSteps steps;
    private final ReferralFailures failures;

    ScreeningToReferralRoute(ReferralSteps steps, ReferralFailures failures) {
        this.steps = steps;
        this.failures = failures;
    }

    @Override
    public void configure() {
        from("timer:outbox-safety-poll?period={{safeguard.pipeline.poll-interval}}")
                .routeId("outbox-safety-poll")
                .to(WAKE_ENDPOINT);

        // doTry rather than onException: the transacted route's error handler has already rolled back and marked the
        // exchange exhausted, which a caller's onException would not see again.
        from(WAKE_ENDPOINT)
                .routeId("outbox-drain")
                .loopDoWhile(exchangeProperty(ReferralSteps.CLAIMED).isNotEqualTo(false))
                .doTry()
                .to("direct:screening-to-referral")
                .id("process-next-screening")
                .doCatch(Exception.class)
                .bean(failures, "record")
                .id("record-failure")
                .end()
                .end();

        from("direct:screening-to-referral")
                .routeId("screening-to-referral")
                .transacted(TRANSACTION_POLICY)
                .bean(steps, "claim")
                .id("claim-outbox-row")
                .filter(body().isNotNull())
                .bean(steps, "load")
                .id("load-screening")
                .bean(steps, "assess")
                .id("assess-screening")
                .bean(steps, "plan")
                .id("plan-referrals")
                .bean(steps, "map")
                .id("map-referral-bundle")
                .bean(steps, "write")
                .id("write-referrals")
                .bean(steps, "complete")
                .id("complete-outbox-row")
                .end();
    }
}
