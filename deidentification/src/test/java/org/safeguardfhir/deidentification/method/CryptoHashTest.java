package org.safeguardfhir.deidentification.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CryptoHashTest {

    private final CryptoHash hash =
            new CryptoHash("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void givesSixtyFourLowercaseHexCharactersTheLongestFhirId() {
        assertThat(hash.hex("anything")).matches("[0-9a-f]{64}");
    }

    @Test
    void matchesAPublishedHmacSha256Vector() {
        // HMAC-SHA-256("key", "The quick brown fox jumps over the lazy dog"), a widely published vector.
        CryptoHash known = new CryptoHash("key".getBytes(StandardCharsets.US_ASCII));

        assertThat(known.hex("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void hashesEqualIdsOfDifferentTypesDifferently() {
        assertThat(hash.resourceId("Patient", "1")).isNotEqualTo(hash.resourceId("Practitioner", "1"));
    }

    @Test
    void hashesUrnAndContainedReferencesWhole() {
        assertThat(hash.reference("urn:uuid:7d6f3b2e-2c1a-4d8e-9b1a-0a1b2c3d4e5f"))
                .isEqualTo(hash.hex("urn:uuid:7d6f3b2e-2c1a-4d8e-9b1a-0a1b2c3d4e5f"));
        assertThat(hash.reference("#org")).isEqualTo(hash.hex("#org"));
    }
}
