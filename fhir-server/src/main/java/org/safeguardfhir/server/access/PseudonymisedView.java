package org.safeguardfhir.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The dashboards' pseudonymised view of what they read ({@link Visibility#PSEUDONYMISED}), which the dashboard
 * feature provides: access control decides who sees it, the feature decides what it shows and how it is searched.
 */
public interface PseudonymisedView {

    /** The pseudonymised copy of {@code resource} for this request's answer. */
    IBaseResource show(RequestDetails request, IBaseResource resource);

    /** Whether {@code resource} is a copy this view made for the request, rather than a stored record. */
    boolean isShownCopy(RequestDetails request, IBaseResource resource);

    /** Refuses, with a 400, a search the view cannot answer without telling more than its results show. */
    void checkSearch(String type, Map<String, String[]> parameters);
}
