package org.safeguardfhir.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.server.fhir.InterceptorOrder;
import org.safeguardfhir.server.fhir.RestInterceptor;

/**
 * Brackets the writing of a request's answer. It marks the start, so that from then on everything shown is judged by
 * the label policy whatever the request was ({@link LabelConsentService}); and after HAPI's consent interceptor has
 * done its work it checks the answer once more, because that interceptor does not look again at a resource it has
 * already let through once in the same request, such as the earlier response a conditional resubmission matched.
 */
@Interceptor
class ResponsePhase implements RestInterceptor {

    private static final String STARTED = ResponsePhase.class.getName() + ".started";

    private final BreakGlassGrants grants;
    private final PseudonymisedView dashboardView;

    ResponsePhase(BreakGlassGrants grants, PseudonymisedView dashboardView) {
        this.grants = grants;
        this.dashboardView = dashboardView;
    }

    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = InterceptorOrder.ANSWER_JUDGED)
    public void start(RequestDetails request) {
        request.getUserData().put(STARTED, Boolean.TRUE);
    }

    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = InterceptorOrder.FINAL_VISIBILITY_CHECK)
    public void finalCheck(RequestDetails request, ResponseDetails response) {
        var visibility = RequestVisibility.of(request, grants, dashboardView);
        var caller = visibility.caller();
        if (caller.isEmpty() || AccessPolicy.seesRestricted(caller.get()) || response.getResponseResource() == null) {
            return;
        }
        IBaseResource answer = response.getResponseResource();
        // A hidden answer goes as for Prefer: return=minimal: the status and Location stay, the record does not.
        IBaseResource shown = visibility.shown(request, answer);
        if (shown != answer) {
            response.setResponseResource(shown);
        } else if (answer instanceof Bundle bundle) {
            for (var entry : bundle.getEntry()) {
                if (entry.hasResource()) {
                    entry.setResource((Resource) visibility.shown(request, entry.getResource()));
                }
            }
        }
    }

    static boolean started(RequestDetails request) {
        return request == null || Boolean.TRUE.equals(request.getUserData().get(STARTED));
    }
}
