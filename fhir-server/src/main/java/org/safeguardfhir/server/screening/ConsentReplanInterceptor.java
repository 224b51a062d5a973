package org.safeguardfhir.server.screening;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Re-plans a patient's screenings when a referral Consent of theirs is created, changed, withdrawn or deleted: each
 * of the patient's completed or amended screening responses gets an outbox row in the transaction that stores the
 * Consent, so the decision and the re-planning commit, or roll back, together, and the pipeline applies the new
 * decision exactly once in effect (its writes are idempotent). Without this, a Task planned as {@code requested}
 * would outlive the patient's withdrawal.
 */
@Interceptor
class ConsentReplanInterceptor {

    private static final String PATHWAY_SYSTEM = Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY);
    private static final Set<QuestionnaireResponseStatus> PLANNED =
            Set.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);

    private final ScreeningOutbox outbox;
    private final DaoRegistry daos;

    ConsentReplanInterceptor(ScreeningOutbox outbox, DaoRegistry daos) {
        this.outbox = outbox;
        this.daos = daos;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        replan(patients(resource));
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        Set<String> patients = new LinkedHashSet<>(patients(previous));
        patients.addAll(patients(resource));
        replan(patients);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void deleted(IBaseResource resource) {
        replan(patients(resource));
    }

    /** The patient of a referral Consent, that is one about a referral pathway; none for anything else. */
    private static Set<String> patients(IBaseResource resource) {
        if (!(resource instanceof Consent consent) || !consent.getPatient().hasReference()) {
            return Set.of();
        }
        boolean aboutAReferral = consent.getCategory().stream()
                .flatMap(category -> category.getCoding().stream())
                .anyMatch(coding -> PATHWAY_SYSTEM.equals(coding.getSystem()));
        if (!aboutAReferral) {
            return Set.of();
        }
        return Set.of(new IdType(consent.getPatient().getReference())
                .toUnqualifiedVersionless()
                .getValue());
    }

    private void replan(Set<String> patients) {
        for (String patient : patients) {
            var search = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient));
            for (IBaseResource found : daos.getResourceDao(QuestionnaireResponse.class)
                    .search(search, new SystemRequestDetails())
                    .getAllResources()) {
                var response = (QuestionnaireResponse) found;
                if (ConformancePackage.isScreeningQuestionnaire(response.getQuestionnaire())
                        && PLANNED.contains(response.getStatus())) {
                    Long version = response.getIdElement().getVersionIdPartAsLong();
                    outbox.enqueue(response.getIdElement().getIdPart(), version == null ? 0 : version, patient);
                }
            }
        }
    }
}
