package org.safeguardfhir.deidentification.method;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a postcode to its district. A UK postcode keeps its outward code ("SW1A 1AA" to "SW1A", "M1 1AE" to "M1"); a
 * Norwegian four-digit postnummer keeps its first two digits ("0150" to "01xx"). Anything else is not recognised, and
 * the caller removes it rather than guess.
 */
public final class PostcodeDistrict {

    private static final Pattern UK = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$");
    private static final Pattern NORWAY = Pattern.compile("^([0-9]{2})[0-9]{2}$");

    private PostcodeDistrict() {}

    public static Optional<String> of(String postcode) {
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        Matcher uk = UK.matcher(compact);
        if (uk.matches()) {
            return Optional.of(uk.group(1));
        }
        Matcher norway = NORWAY.matcher(compact);
        if (norway.matches()) {
            return Optional.of(norway.group(1) + "xx");
        }
        return Optional.empty();
    }
}
