package org.safeguardfhir.server.dashboard;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.deidentification.Deidentifier;
import org.safeguardfhir.server.access.PatientOf;
import org.safeguardfhir.server.access.PseudonymisedView;

/**
 * The dashboard role's view of Tasks and their owning Organizations: each resource as the dashboard's
 * de-identification configuration leaves it, made when it is shown. Computed on read, so the view never lags the
 * records and there is no second copy of them to secure.
 *
 * <p>The pseudonymised copy of each stored version is kept in memory for reuse, since dashboards poll the same Tasks
 * over and over: a version's content never changes, the configuration and keys change only with a restart, and
 * what is kept is only ever the pseudonymised copy. Each request still gets an object of its own.
 */
final class DashboardView implements PseudonymisedView {

    private static final String SHOWN = DashboardView.class.getName() + ".shown";

    private final Deidentifier deidentifier;
    private final Cache<String, IBaseResource> versions;

    DashboardView(Deidentifier deidentifier, int cachedVersions) {
        this.deidentifier = deidentifier;
        this.versions = Caffeine.newBuilder().maximumSize(cachedVersions).build();
    }

    @Override
    public IBaseResource show(RequestDetails request, IBaseResource resource) {
        var id = resource.getIdElement();
        IBaseResource copy = id.hasIdPart() && id.hasVersionIdPart() && resource instanceof Resource
                ? ((Resource) versions.get(
                                resource.fhirType() + "/" + id.getIdPart() + "/_history/" + id.getVersionIdPart(),
                                key -> deidentify(resource)))
                        .copy()
                : deidentify(resource);
        shown(request).add(copy);
        return copy;
    }

    private IBaseResource deidentify(IBaseResource resource) {
        return deidentifier.deidentify(resource, PatientOf.reference(resource).orElse(null));
    }

    @Override
    public boolean isShownCopy(RequestDetails request, IBaseResource resource) {
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

    @Override
    public void checkSearch(String type, Map<String, String[]> parameters) {
        DashboardSearch.check(type, parameters);
    }
}
