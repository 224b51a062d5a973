package org.safeguardfhir.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Flag;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;

/**
 * What the caller of one request is shown of each resource: decided once per request and resource by
 * {@link AccessPolicy#visibility}, with the caller's break-glass grants looked up once, and applied in one place.
 * HAPI's consent hooks and the final check of the answer both read it, so they cannot disagree; what it hides is
 * noted for the audit ({@link DeniedRecords}).
 */
final class RequestVisibility {

    private static final String KEY = RequestVisibility.class.getName();

    private final Caller caller;
    private final BreakGlassGrants grants;
    private final PseudonymisedView dashboardView;
    private Set<String> granted;
    private final Map<String, Visibility> byVersion = new HashMap<>();
    private final Map<IBaseResource, Visibility> byIdentity = new IdentityHashMap<>();

    private RequestVisibility(Caller caller, BreakGlassGrants grants, PseudonymisedView dashboardView) {
        this.caller = caller;
        this.grants = grants;
        this.dashboardView = dashboardView;
    }

    /** The request's decisions; a request without one (HAPI's internal calls) gets a fresh one each time. */
    static RequestVisibility of(RequestDetails request, BreakGlassGrants grants, PseudonymisedView dashboardView) {
        if (request == null) {
            return new RequestVisibility(CallerAuthentication.current().orElse(null), grants, dashboardView);
        }
        // Looked up once per request: HAPI calls the hooks that ask for every resource of the answer.
        return (RequestVisibility) request.getUserData()
                .computeIfAbsent(
                        KEY,
                        key -> new RequestVisibility(
                                CallerAuthentication.current().orElse(null), grants, dashboardView));
    }

    Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** How much of the resource the caller sees; nothing when no caller was authenticated. */
    Visibility of(IBaseResource resource) {
        if (caller == null) {
            return Visibility.HIDDEN;
        }
        var id = resource.getIdElement();
        if (id.hasIdPart() && id.hasVersionIdPart()) {
            // A stored version's labels never change: one decision serves every copy of it in the answer.
            return byVersion.computeIfAbsent(id.toUnqualified().getValue(), key -> decide(resource));
        }
        return byIdentity.computeIfAbsent(resource, this::decide);
    }

    /**
     * The resource as the caller is shown it: itself, its redacted stand-in, its pseudonymised copy, or null when it
     * is hidden. Showing a stand-in or copy again yields it unchanged, since HAPI shows an answer to its hooks more
     * than once.
     */
    IBaseResource shown(RequestDetails request, IBaseResource resource) {
        if (request != null && dashboardView.isShownCopy(request, resource)) {
            return resource;
        }
        return switch (of(resource)) {
            case FULL -> resource;
            case REDACTED -> FlagRedaction.isRedacted(resource) ? resource : FlagRedaction.redact((Flag) resource);
            case PSEUDONYMISED -> dashboardView.show(request, resource);
            case HIDDEN -> {
                DeniedRecords.note(request, resource);
                yield null;
            }
        };
    }

    private Visibility decide(IBaseResource resource) {
        if (granted == null) {
            granted = grants.patients(caller);
        }
        return AccessPolicy.visibility(caller, resource, granted);
    }
}
