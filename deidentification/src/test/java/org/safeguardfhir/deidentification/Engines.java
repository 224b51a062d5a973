package org.safeguardfhir.deidentification;

import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;
import org.safeguardfhir.deidentification.config.FhirPathSupport;

/** Builds engines from inline rules, with test keys in a map standing in for the environment. */
final class Engines {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final Map<String, String> ENVIRONMENT = Map.of(
            "DATE_KEY", key("date"),
            "HASH_KEY", key("hash"),
            "ENCRYPT_KEY", key("encrypt"));

    private static final String PARAMETERS =
            """
            version: 1
            parameters:
              dateShiftKey: {env: DATE_KEY}
              cryptoHashKey: {env: HASH_KEY}
              encryptKey: {env: ENCRYPT_KEY}
            rules:
            """;

    private Engines() {}

    /** A 32-byte key derived from a word, Base64 as an operator would put it in the environment. */
    static String key(String word) {
        try {
            byte[] bytes = MessageDigest.getInstance("SHA-256").digest(word.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static DeidentificationConfig config(String... rules) {
        StringBuilder yaml = new StringBuilder(PARAMETERS);
        for (String rule : rules) {
            yaml.append("  - ").append(rule).append('\n');
        }
        return load(yaml.toString());
    }

    static DeidentificationConfig load(String yaml) {
        return DeidentificationConfig.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static Deidentifier engine(String... rules) {
        return new Deidentifier(config(rules), ENVIRONMENT::get, CLOCK);
    }

    @SuppressWarnings("unchecked")
    static <T extends Resource> T run(Deidentifier engine, T resource, String scope) {
        return (T) engine.deidentify(resource, scope);
    }

    static <T extends Resource> T run(Deidentifier engine, T resource) {
        return run(engine, resource, null);
    }

    static <T extends IBaseResource> T parse(Class<T> type, String json) {
        return parser().parseResource(type, json);
    }

    static IBaseResource parse(String json) {
        return parser().parseResource(json);
    }

    static String json(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }

    static String[] labels(Resource resource) {
        return resource.getMeta().getSecurity().stream()
                .filter(c -> SecurityLabel.SYSTEM.equals(c.getSystem()))
                .map(Coding::getCode)
                .toArray(String[]::new);
    }

    private static IParser parser() {
        return FhirPathSupport.context().newJsonParser();
    }
}
