package org.safeguardfhir.routes.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Collects the writes of one delivery. New resources are PUT to a conditional URL on their business identifier, so
 * even a write that somehow ran twice would find the first; existing ones are PUT to their id.
 */
final class TransactionBuilder {

    private final Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    private final List<Reference> written = new ArrayList<>();

    /** Creates (or, if one already matches, updates) the resource with this identifier. */
    void upsert(Resource resource, String identifierSystem, String identifierValue) {
        String url = resource.fhirType() + "?identifier=" + identifierSystem + "|" + identifierValue;
        add(resource, url);
    }

    /** Updates an existing resource in place. */
    void update(Resource resource) {
        add(resource, resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }

    /** Adds a resource that only ever gets created. */
    void create(Resource resource) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry()
                .setFullUrl(fullUrl)
                .setResource(resource)
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }

    boolean isEmpty() {
        return bundle.getEntry().isEmpty();
    }

    /** References to everything written so far, for the Provenance. */
    List<Reference> written() {
        return List.copyOf(written);
    }

    Bundle build() {
        return bundle;
    }

    private void add(Resource resource, String url) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry()
                .setFullUrl(fullUrl)
                .setResource(resource)
                .getRequest()
                .setMethod(HTTPVerb.PUT)
                .setUrl(url);
        written.add(new Reference(fullUrl));
    }
}
