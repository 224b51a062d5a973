package org.safeguardfhir.deidentification;

import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.safeguardfhir.deidentification.config.DeidentificationConfigException;
import org.safeguardfhir.deidentification.config.EnvironmentKey;
import org.safeguardfhir.deidentification.config.Method;
import org.safeguardfhir.deidentification.config.Rule;

/**
 * Reads keys from the environment: Base64 (standard or URL-safe alphabet, padding optional) of at least 32 random
 * bytes, e.g. {@code openssl rand -base64 32}. A key is read only if a rule uses it, and a missing, malformed or short
 * key fails construction naming the first such rule.
 */
final class SecretKeys {

    static final int MINIMUM_BYTES = 32;

    private final Function<String, String> environment;
    private final List<Rule> rules;

    SecretKeys(Function<String, String> environment, List<Rule> rules) {
        this.environment = environment;
        this.rules = rules;
    }

    /** The key, or {@code null} when no rule uses the method. */
    byte[] forMethod(Method method, String parameter, EnvironmentKey key, int exactLength) {
        Rule user = rules.stream().filter(r -> r.method() == method).findFirst().orElse(null);
        if (user == null) {
            return null;
        }
        String where = user.describe() + " uses " + method.configName() + ", whose key parameters." + parameter;
        String value = environment.apply(key.variable());
        if (value == null || value.isBlank()) {
            throw new DeidentificationConfigException(
                    where + " comes from environment variable " + key.variable() + ", which is not set");
        }
        byte[] bytes = decode(where, key, value.strip());
        if (exactLength > 0 ? bytes.length != exactLength : bytes.length < MINIMUM_BYTES) {
            throw new DeidentificationConfigException(where + " (environment variable " + key.variable() + ") decodes"
                    + " to " + bytes.length + " bytes; it needs "
                    + (exactLength > 0 ? "exactly " + exactLength : "at least " + MINIMUM_BYTES));
        }
        return bytes;
    }

    private static byte[] decode(String where, EnvironmentKey key, String value) {
        try {
            return value.indexOf('-') >= 0 || value.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(value)
                    : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new DeidentificationConfigException(
                    where + " (environment variable " + key.variable() + ") is not Base64: " + e.getMessage());
        }
    }
}
