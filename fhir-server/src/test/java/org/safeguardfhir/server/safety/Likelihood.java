package org.safeguardfhir.server.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** DCB0129's likelihood scale, least likely first, as the hazard log writes it. */
enum Likelihood {
    VERY_LOW,
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH;

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Likelihood> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(Likelihood::code).collect(Collectors.joining(", "));
    }
}
