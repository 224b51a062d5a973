package org.safeguardfhir.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.safeguardfhir.deidentification.Deidentifier;

/**
 * The dashboard role's view of Tasks and their owning Organizations: each resource as the dashboard's
 * de-identification configuration leaves it, made when it is shown. Computed on read, so the view never lags the
 * records and there is no second copy of them to secure.
 */
final class DashboardView {

    private static final String SHOWN = DashboardView.class.getName() + ".shown";

    private final Deidentifier deidentifier;

    DashboardView(Deidentifier deidentifier) {
        this.deidentifier = deidentifier;
    }

    /** The pseudonymised copy of {@code resource} for this request's answer. */
    IBaseResource show(RequestDetails request, IBaseResource resource) {
        var copy =
                deidentifier.deidentify(resource, PatientOf.reference(resource).orElse(null));
        shown(request).add(copy);
        return copy;
    }

    /** Whether {@code resource} is a copy this view made for the request, rather than a stored record. */
    boolean isShownCopy(RequestDetails request, IBaseResource resource) {
        return shown(request).contains(resource);
    }

    /**
     * By identity, not by content: a stored record could carry the labels of a de-identified one, and must still be
     * pseudonymised.
     */
    @SuppressWarnings("unchecked")
    private static Set<IBaseResource> shown(RequestDetails request) {
        return (Set<IBaseResource>)
                request.getUserData().computeIfAbsent(SHOWN, key -> Collections.newSetFromMap(new IdentityHashMap<>()));
    }
}
