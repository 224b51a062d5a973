package org.safeguardfhir.deidentification;

import java.util.Arrays;
import java.util.Optional;

/** What a rule does to the nodes it covers. */
public enum Method {
    KEEP("keep"),
    REDACT("redact"),
    DATE_SHIFT("dateShift"),
    CRYPTO_HASH("cryptoHash"),
    ENCRYPT("encrypt"),
    SUBSTITUTE("substitute"),
    GENERALIZE("generalize"),
    PERTURB("perturb");

    private final String code;

    Method(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<Method> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
