package org.safeguardfhir.deidentification.config;

/**
 * The {@code parameters} section. A key is {@code null} when the configuration does not name one; loading fails if a
 * rule needs it.
 *
 * @param dateShiftRangeDays dates shift by at most this many days either way (default 50)
 */
public record Parameters(
        EnvironmentKey dateShiftKey, int dateShiftRangeDays, EnvironmentKey cryptoHashKey, EnvironmentKey encryptKey) {

    public static final int DEFAULT_DATE_SHIFT_RANGE_DAYS = 50;
}
