package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguardfhir.deidentification.Engines.CLOCK;
import static org.safeguardfhir.deidentification.Engines.config;
import static org.safeguardfhir.deidentification.Engines.key;
import static org.safeguardfhir.deidentification.Engines.load;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;
import org.safeguardfhir.deidentification.config.DeidentificationConfigException;

class EnvironmentKeysTest {

    private static final DeidentificationConfig HASHING = config("{path: Task.for, method: cryptoHash}");

    @Test
    void rejectsKeyMaterialWrittenInTheConfiguration() {
        assertThatThrownBy(
                        () -> load(
                                """
                        version: 1
                        parameters:
                          cryptoHashKey: "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LWlzLWxvbmctZW5vdWdo"
                        rules:
                          - {path: Task.for, method: cryptoHash}
                        """))
                .isInstanceOf(DeidentificationConfigException.class)
                .hasMessageContaining("parameters.cryptoHashKey must name an environment variable");
    }

    @Test
    void readsKeysOnlyThroughTheEnvironmentLookup() {
        List<String> asked = new ArrayList<>();

        new Deidentifier(
                config("{path: Task.for, method: cryptoHash}", "{path: Task.authoredOn, method: dateShift}"),
                name -> {
                    asked.add(name);
                    return key(name);
                },
                CLOCK);

        assertThat(asked).containsExactlyInAnyOrder("HASH_KEY", "DATE_KEY");
    }

    @Test
    void failsNamingTheRuleWhenTheVariableIsNotSet() {
        assertThatThrownBy(() -> new Deidentifier(HASHING, Map.<String, String>of()::get, CLOCK))
                .isInstanceOf(DeidentificationConfigException.class)
                .hasMessageContaining("rules[0] (Task.for) uses cryptoHash")
                .hasMessageContaining("HASH_KEY, which is not set");
    }

    @Test
    void failsWhenTheKeyIsShorterThan32Bytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new Deidentifier(HASHING, Map.of("HASH_KEY", shortKey)::get, CLOCK))
                .hasMessageContaining("rules[0] (Task.for)")
                .hasMessageContaining("decodes to 16 bytes; it needs at least 32");
    }

    @Test
    void failsWhenTheKeyIsNotBase64() {
        assertThatThrownBy(() -> new Deidentifier(HASHING, Map.of("HASH_KEY", "not base64 at all!")::get, CLOCK))
                .hasMessageContaining("is not Base64");
    }

    @Test
    void requiresExactly32BytesForEncryption() {
        DeidentificationConfig encrypting = config("{path: Task.description, method: encrypt}");
        String longKey = Base64.getEncoder().encodeToString(new byte[48]);

        assertThatThrownBy(() -> new Deidentifier(encrypting, Map.of("ENCRYPT_KEY", longKey)::get, CLOCK))
                .hasMessageContaining("rules[0] (Task.description) uses encrypt")
                .hasMessageContaining("it needs exactly 32");
    }

    @Test
    void acceptsUrlSafeAndUnpaddedBase64() {
        byte[] bytes = new byte[33];
        bytes[0] = (byte) 0xfb;
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatCode(() -> new Deidentifier(HASHING, Map.of("HASH_KEY", urlSafe)::get, CLOCK))
                .doesNotThrowAnyException();
    }

    @Test
    void doesNotNeedKeysNoRuleUses() {
        assertThatCode(() -> new Deidentifier(
                        config("{path: Task.status, method: keep}"), Map.<String, String>of()::get, CLOCK))
                .doesNotThrowAnyException();
    }
}
