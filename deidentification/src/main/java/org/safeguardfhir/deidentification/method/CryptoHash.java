package org.safeguardfhir.deidentification.method;

import java.util.HexFormat;
import org.hl7.fhir.r4.model.IdType;

/**
 * Keyed pseudonyms: lowercase hex HMAC-SHA-256, 64 characters, which is exactly the longest FHIR id. The same input
 * and key always give the same pseudonym, so pseudonymised records still link; without the key they cannot be
 * reversed or recomputed from guessed inputs.
 */
public final class CryptoHash {

    private final Hmac hmac;

    public CryptoHash(byte[] key) {
        this.hmac = new Hmac(key);
    }

    public String hex(String value) {
        return HexFormat.of().formatHex(hmac.digest(value));
    }

    /**
     * The pseudonym of a resource id: the hash of {@code Type/id}, so equal ids of different types differ, and a
     * resource's pseudonymous id matches the pseudonymous references to it.
     */
    public String resourceId(String resourceType, String idPart) {
        return hex(resourceType + "/" + idPart);
    }

    /**
     * A reference {@code [base/]Type/id[/_history/v]} becomes {@code Type/<hash of "Type/id">}; base and version go,
     * as the base can name the source system. Anything else (urn:uuid:, #contained) is hashed whole.
     */
    public String reference(String reference) {
        IdType id = new IdType(reference);
        if (!reference.startsWith("#") && id.hasResourceType() && id.hasIdPart()) {
            return id.getResourceType() + "/" + resourceId(id.getResourceType(), id.getIdPart());
        }
        return hex(reference);
    }
}
