package org.safeguardfhir.server.statistics;

import java.util.OptionalLong;

/**
 * A count as it may be published: zero stays zero, 1 to 7 are suppressed, 8 and above are rounded to the nearest 5
 * (NHS England's disclosure control for HES and ECDS below national level). A count suppressed to protect another
 * one is {@link #secondary}; the two are published alike, so a reader cannot tell which cell was small.
 */
public record PublishedCount(long raw, boolean suppressed, boolean secondary) {

    static final int SMALLEST_SHOWN = 8;
    static final int ROUNDING = 5;

    public static PublishedCount of(long raw) {
        if (raw < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + raw);
        }
        return new PublishedCount(raw, raw > 0 && raw < SMALLEST_SHOWN, false);
    }

    PublishedCount suppressAsSecondary() {
        return new PublishedCount(raw, true, true);
    }

    /** The published value, or empty where suppressed. */
    public OptionalLong value() {
        if (suppressed) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(raw / (double) ROUNDING) * ROUNDING);
    }
}
