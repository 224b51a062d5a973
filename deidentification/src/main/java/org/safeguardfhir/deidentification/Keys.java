package org.safeguardfhir.deidentification;

import java.util.Base64;
import java.util.function.Function;

/** Key material, from the environment only: Base64 of at least 32 bytes. */
final class Keys {

    static final int MINIMUM_BYTES = 32;

    private Keys() {}

    /** The key a rule needs; a missing, malformed or short key fails, naming the rule. */
    static byte[] required(String variable, String parameter, Rule rule, Function<String, String> environment) {
        if (variable == null) {
            throw new DeidentificationConfigException(
                    rule.describe() + ": " + rule.method().code() + " needs parameters." + parameter);
        }
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new DeidentificationConfigException(
                    rule.describe() + ": the environment variable " + variable + " (" + parameter + ") is not set");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new DeidentificationConfigException(
                    rule.describe() + ": " + variable + " is not Base64 (" + parameter + ")");
        }
        if (key.length < MINIMUM_BYTES) {
            throw new DeidentificationConfigException(rule.describe() + ": " + variable + " holds " + key.length
                    + " bytes; " + parameter + " needs at least " + MINIMUM_BYTES);
        }
        return key;
    }
}
