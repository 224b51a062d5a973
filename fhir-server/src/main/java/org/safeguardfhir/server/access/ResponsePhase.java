package org.safeguardfhir.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.server.security.CallerAuthentication;

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
    private final DashboardView dashboardView;

    ResponsePhase(BreakGlassGrants grants, DashboardView dashboardView) {
        this.grants = grants;
        this.dashboardView = dashboardView;
    }

    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = -100)
    public void start(RequestDetails request) {
        request.getUserData().put(STARTED, Boolean.TRUE);
    }

    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = 100)
    public void finalCheck(RequestDetails request, ResponseDetails response) {
        var caller = CallerAuthentication.current();
        if (caller.isEmpty() || AccessPolicy.seesRestricted(caller.get()) || response.getResponseResource() == null) {
            return;
        }
        IBaseResource answer = response.getResponseResource();
        var granted = grants.patients(caller.get());
        var visibility = AccessPolicy.visibility(caller.get(), answer, granted);
        if (visibility == Visibility.HIDDEN) {
            // As for Prefer: return=minimal: the status and Location stay, the record does not.
            DeniedRecords.note(request, answer);
            response.setResponseResource(null);
        } else if (visibility == Visibility.REDACTED && !FlagRedaction.isRedacted(answer)) {
            response.setResponseResource(FlagRedaction.redact((Flag) answer));
        } else if (visibility == Visibility.PSEUDONYMISED && !dashboardView.isShownCopy(request, answer)) {
            response.setResponseResource(dashboardView.show(request, answer));
        } else if (answer instanceof Bundle bundle) {
            for (var entry : bundle.getEntry()) {
                if (!entry.hasResource()) {
                    continue;
                }
                var shown = AccessPolicy.visibility(caller.get(), entry.getResource(), granted);
                if (shown == Visibility.HIDDEN) {
                    DeniedRecords.note(request, entry.getResource());
                    entry.setResource(null);
                } else if (shown == Visibility.REDACTED && !FlagRedaction.isRedacted(entry.getResource())) {
                    entry.setResource(FlagRedaction.redact((Flag) entry.getResource()));
                } else if (shown == Visibility.PSEUDONYMISED
                        && !dashboardView.isShownCopy(request, entry.getResource())) {
                    entry.setResource(
                            (org.hl7.fhir.r4.model.Resource) dashboardView.show(request, entry.getResource()));
                }
            }
        }
    }

    static boolean started(RequestDetails request) {
        return request == null || Boolean.TRUE.equals(request.getUserData().get(STARTED));
    }
}
