package org.safeguardfhir.deidentification;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/** Configurations and keys for the engine's tests. */
final class Fixtures {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {}

    static String key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static final Map<String, String> ENVIRONMENT =
            Map.of("HASH_KEY", key(1), "SHIFT_KEY", key(2), "AES_KEY", key(3), "OTHER_HASH_KEY", key(4));

    static DeidentificationConfig config(String yaml) {
        return DeidentificationConfig.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), FHIR);
    }

    /** A configuration with the test keys' parameters and these rules (YAML list items). */
    static DeidentificationConfig rules(String... rules) {
        return config("version: 1\nname: test\nparameters:\n  cryptoHashKey: {env: HASH_KEY}\n"
                + "  dateShiftKey: {env: SHIFT_KEY}\n  encryptKey: {env: AES_KEY}\nrules:\n"
                + String.join(
                        "\n",
                        java.util.Arrays.stream(rules).map(r -> "  - " + r).toList()) + "\n");
    }

    static Deidentifier engine(DeidentificationConfig config) {
        return engine(config, ENVIRONMENT);
    }

    static Deidentifier engine(DeidentificationConfig config, Map<String, String> environment) {
        return new Deidentifier(config, FHIR, environment::get, CLOCK, new Random(5));
    }

    static Deidentifier shipped(String name, Map<String, String> environment) {
        var config = DeidentificationConfig.load(
                Fixtures.class.getResourceAsStream("/deidentification/" + name + ".yaml"), FHIR);
        return engine(config, environment);
    }

    static String json(org.hl7.fhir.r4.model.Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}
