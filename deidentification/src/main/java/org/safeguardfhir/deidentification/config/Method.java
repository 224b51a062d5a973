package org.safeguardfhir.deidentification.config;

import java.util.Arrays;
import java.util.Optional;

/** What a rule does to the nodes it covers; {@link #configName()} is the spelling in the configuration file. */
public enum Method {
    KEEP("keep"),
    REDACT("redact"),
    DATE_SHIFT("dateShift"),
    CRYPTO_HASH("cryptoHash"),
    ENCRYPT("encrypt"),
    SUBSTITUTE("substitute"),
    GENERALIZE("generalize"),
    PERTURB("perturb");

    private final String configName;

    Method(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static Optional<Method> byConfigName(String name) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
    }
}
