package org.safeguardfhir.server.limits;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;

/**
 * What a batch or transaction entry must carry for HAPI to process it: a request with a method and a URL, a resource
 * for the methods that send one, and well-formed preconditions. Checked up front, so that a broken entry is a 400
 * naming it instead of an exception halfway through the Bundle.
 */
final class BundleEntries {

    private BundleEntries() {}

    static Optional<String> problem(Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            BundleEntryComponent entry = bundle.getEntry().get(i);
            String at = "Bundle.entry[" + i + "]";
            if (!entry.hasRequest() || entry.getRequest().getMethod() == null) {
                return Optional.of(at + ".request.method is missing");
            }
            if (!entry.getRequest().hasUrl() || entry.getRequest().getUrl().isBlank()) {
                return Optional.of(at + ".request.url is missing");
            }
            HTTPVerb method = entry.getRequest().getMethod();
            boolean sendsResource = method == HTTPVerb.POST || method == HTTPVerb.PUT;
            if (sendsResource && !entry.hasResource()) {
                return Optional.of(at + ".resource is missing for " + method.toCode());
            }
            if (entry.getRequest().hasIfMatch()
                    && !PreconditionHeaders.VERSION_ETAG
                            .matcher(entry.getRequest().getIfMatch().trim())
                            .matches()) {
                return Optional.of(at + ".request.ifMatch must be one version ETag such as W/\"3\"");
            }
        }
        return Optional.empty();
    }
}
