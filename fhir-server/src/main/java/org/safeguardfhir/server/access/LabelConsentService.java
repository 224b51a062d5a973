package org.safeguardfhir.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;

/**
 * Applies the label policy to every resource HAPI is about to return, through its consent hooks: search matches,
 * {@code _include}d and {@code _revinclude}d resources, reads, versions, and the contents of transaction and operation
 * responses. A safeguarding lead's requests are authorised outright; for everyone else each resource is kept, redacted
 * or dropped as {@link AccessPolicy#visibility} says. A read of a dropped resource answers 404, as for one that never
 * existed.
 */
class LabelConsentService implements IConsentService {

    private final BreakGlassGrants grants;
    private final PseudonymisedView dashboardView;

    LabelConsentService(BreakGlassGrants grants, PseudonymisedView dashboardView) {
        this.grants = grants;
        this.dashboardView = dashboardView;
    }

    @Override
    public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
        // Subscriptions are their owners' alone, the lead's included: answers that may hold one are judged resource by
        // resource (system-level history and transactions have no resource type).
        String type = request.getResourceName();
        boolean mayHoldSubscriptions = type == null || AccessPolicy.SUBSCRIPTION.equals(type);
        return !mayHoldSubscriptions
                        && caller().map(AccessPolicy::seesRestricted).orElse(false)
                ? ConsentOutcome.AUTHORIZED
                : ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome canSeeResource(
            RequestDetails request, IBaseResource resource, IConsentContextServices services) {
        if (conditionalWriteMatch(request, resource)) {
            return ConsentOutcome.PROCEED;
        }
        if (visibility(request).of(resource) == Visibility.HIDDEN) {
            DeniedRecords.note(request, resource);
            return ConsentOutcome.REJECT;
        }
        return ConsentOutcome.PROCEED;
    }

    @Override
    public ConsentOutcome willSeeResource(
            RequestDetails request, IBaseResource resource, IConsentContextServices services) {
        if (conditionalWriteMatch(request, resource)) {
            return ConsentOutcome.PROCEED;
        }
        IBaseResource shown = visibility(request).shown(request, resource);
        if (shown == null) {
            return ConsentOutcome.REJECT;
        }
        return shown == resource
                ? ConsentOutcome.PROCEED
                : new ConsentOutcome(ConsentOperationStatusEnum.PROCEED, shown);
    }

    /**
     * HAPI passes the matches of a conditional write through these hooks too, before anything is answered; hiding a
     * match there would make a submitter's resubmission store its screening twice. What the answer then shows is
     * judged as usual, since by then {@link ResponsePhase} has started.
     */
    private static boolean conditionalWriteMatch(RequestDetails request, IBaseResource resource) {
        return caller().map(caller ->
                        SearchNarrowingInterceptor.conditionalWriteMatch(request, resource.fhirType(), caller))
                .orElse(false);
    }

    private RequestVisibility visibility(RequestDetails request) {
        return RequestVisibility.of(request, grants, dashboardView);
    }

    private static Optional<Caller> caller() {
        return CallerAuthentication.current();
    }
}
