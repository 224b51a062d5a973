package org.safeguardfhir.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The restricted records the policy kept from the caller of one request, for the audit trail. */
public final class DeniedRecords {

    private static final String KEY = DeniedRecords.class.getName();

    private DeniedRecords() {}

    static void note(RequestDetails request, IBaseResource resource) {
        if (request == null || !RestrictedLabels.restricted(resource)) {
            return;
        }
        @SuppressWarnings("unchecked")
        var denied = (Set<String>) request.getUserData().computeIfAbsent(KEY, key -> new LinkedHashSet<String>());
        denied.add(resource.getIdElement().toUnqualifiedVersionless().getValue());
    }

    /** The records noted so far, forgotten once taken so that they are audited once. */
    public static Set<String> take(RequestDetails request) {
        @SuppressWarnings("unchecked")
        var denied = (Set<String>) request.getUserData().remove(KEY);
        return denied == null ? Set.of() : denied;
    }
}
