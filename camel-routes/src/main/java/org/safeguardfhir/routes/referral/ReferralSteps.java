package org.safeguardfhir.routes.referral;

import java.util.List;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.screening.ScreeningAssessor;

/**
 * The named steps of the referral route, each a thin call into a plain class: loading, assessing, planning, mapping
 * and writing one screening hand-off. They run in one transaction (the route is transacted).
 */
class ReferralSteps {

    private final ScreeningCaseLoader loader;
    private final ScreeningAssessor assessor;
    private final ReferralPlanner planner;
    private final Jurisdiction jurisdiction;
    private final ReferralBundleMapper mapper;
    private final FhirStore store;

    ReferralSteps(
            ScreeningCaseLoader loader,
            ReferralPlanner planner,
            Jurisdiction jurisdiction,
            ReferralBundleMapper mapper,
            FhirStore store) {
        this.loader = loader;
        this.assessor = new ScreeningAssessor();
        this.planner = planner;
        this.jurisdiction = jurisdiction;
        this.mapper = mapper;
        this.store = store;
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
}
