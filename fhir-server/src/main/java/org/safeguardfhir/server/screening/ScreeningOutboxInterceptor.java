package org.safeguardfhir.server.screening;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;

/**
 * Enqueues every stored screening response that is completed or amended (or withdrawn as entered-in-error after it
 * was stored) in the outbox. HAPI calls these hooks inside the transaction that stores the resource, so the response
 * and its outbox row commit, or roll back, together.
 */
@Interceptor
class ScreeningOutboxInterceptor {

    private static final Set<QuestionnaireResponseStatus> READY =
            Set.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);

    private final ScreeningOutbox outbox;

    ScreeningOutboxInterceptor(ScreeningOutbox outbox) {
        this.outbox = outbox;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response
                && isScreening(response)
                && READY.contains(response.getStatus())) {
            enqueue(response);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response
                && isScreening(response)
                && (READY.contains(response.getStatus())
                        || response.getStatus() == QuestionnaireResponseStatus.ENTEREDINERROR)) {
            enqueue(response);
        }
    }

    private void enqueue(QuestionnaireResponse response) {
        IdType id = response.getIdElement();
        Long version = id.getVersionIdPartAsLong();
        String subject = new IdType(response.getSubject().getReference())
                .toUnqualifiedVersionless()
                .getValue();
        outbox.enqueue(id.getIdPart(), version == null ? 0 : version, subject);
    }

    private static boolean isScreening(QuestionnaireResponse response) {
        return ConformancePackage.isScreeningQuestionnaire(response.getQuestionnaire());
    }
}
