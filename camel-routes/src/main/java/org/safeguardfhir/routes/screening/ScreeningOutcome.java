package org.safeguardfhir.routes.screening;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcome of a screen, a code of CodeSystem screening-outcome. The constants are declared in increasing severity,
 * so that severity can be compared by order: a later constant always calls for at least the response of an earlier
 * one.
 */
public enum ScreeningOutcome {
    NEGATIVE("negative"),
    POSITIVE("positive"),
    HIGH_RISK("high-risk"),
    IMMEDIATE_DANGER("immediate-danger");

    private final String code;

    ScreeningOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ScreeningOutcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }

    /** Whether the screen calls for any safeguarding response. */
    public boolean isPositive() {
        return this != NEGATIVE;
    }

    /** The more severe of this outcome and {@code other}. */
    public ScreeningOutcome atLeast(ScreeningOutcome other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
