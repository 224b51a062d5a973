package org.safeguardfhir.routes.referral;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Set;

/**
 * Which failures of a delivery a retry cannot fix: the server rejected what we wrote. Durable work keeps those as dead
 * letters at once and retries the rest (outages, conflicts, throttling) with backoff.
 */
final class ReferralFailures {

    // Client errors that a retry cannot fix; conflicts (409, 412) and throttling (429) can be retried.
    private static final Set<Integer> PERMANENT = Set.of(400, 403, 404, 405, 410, 422);

    private ReferralFailures() {}

    static boolean isPermanent(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BaseServerResponseException response) {
                return PERMANENT.contains(response.getStatusCode());
            }
        }
        return false;
    }
}
