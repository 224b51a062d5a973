package org.safeguardfhir.routes.referral;

import java.util.List;
import org.apache.camel.Exchange;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.screening.ScreeningAssessor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The named steps of the referral route, each a thin call into a plain class: claiming, loading, assessing, planning,
 * mapping, writing and completing one outbox row. They run in one transaction (the route is transacted).
 */
class ReferralSteps {

    /** Exchange property: whether the last claim found a row, which keeps the drain loop going. */
    static final String CLAIMED = "safeguardClaimed";

    private final ScreeningOutbox outbox;
    private final ScreeningCaseLoader loader;
    private final ScreeningAssessor assessor;
    private final ReferralPlanner planner;
    private final Jurisdiction jurisdiction;
    private final ReferralBundleMapper mapper;
    private final FhirStore store;
    private final PipelineMetrics metrics;

    ReferralSteps(
            ScreeningOutbox outbox,
            ScreeningCaseLoader loader,
            ReferralPlanner planner,
            Jurisdiction jurisdiction,
            ReferralBundleMapper mapper,
            FhirStore store,
            PipelineMetrics metrics) {
        this.outbox = outbox;
        this.loader = loader;
        this.assessor = new ScreeningAssessor();
        this.planner = planner;
        this.jurisdiction = jurisdiction;
        this.mapper = mapper;
        this.store = store;
        this.metrics = metrics;
    }

    public ReferralJob claim(Exchange exchange) {
        ReferralJob job = outbox.claimNext().map(ReferralJob::new).orElse(null);
        exchange.setProperty(CLAIMED, job != null);
        return job;
    }

    public void load(ReferralJob job) {
        job.screening(loader.load(job.message()));
    }

    public void assess(ReferralJob job) {
        job.screening()
                .ifPresent(screening -> job.assessment(assessor.assess(screening.response(), screening.birthDate())));
    }

    public void plan(ReferralJob job) {
        job.screening()
                .ifPresent(screening -> job.plan(
                        screening.withdrawn()
                                ? new ReferralPlan(List.of())
                                : planner.plan(
                                        job.assessment(),
                                        jurisdiction,
                                        ConsentState.of(job.assessment().consent(), screening.consents()))));
    }

    public void map(ReferralJob job) {
        job.screening().ifPresent(screening -> job.transaction(mapper.map(screening, job.assessment(), job.plan())));
    }

    public void write(ReferralJob job) {
        if (job.transaction() != null && job.transaction().hasEntry()) {
            store.transaction(job.transaction());
        }
    }

    public void complete(ReferralJob job) {
        outbox.complete(job.message());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                metrics.processed(job.message().enqueuedAt());
            }
        });
    }
}
