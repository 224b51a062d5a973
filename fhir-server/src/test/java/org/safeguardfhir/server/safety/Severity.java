package org.safeguardfhir.server.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** DCB0129's severity scale, least severe first, as the hazard log writes it. */
enum Severity {
    MINOR,
    SIGNIFICANT,
    CONSIDERABLE,
    MAJOR,
    CATASTROPHIC;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Severity> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(Severity::code).collect(Collectors.joining(", "));
    }
}
