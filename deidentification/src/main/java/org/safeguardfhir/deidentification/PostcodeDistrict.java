package org.safeguardfhir.deidentification;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The district of a postcode, coarse enough to count by: a UK postcode's outward code ({@code SW1A 1AA} → {@code
 * SW1A}), a Norwegian postnummer's first two digits ({@code 0150} → {@code 01xx}). Anything else has no district.
 */
public final class PostcodeDistrict {

    private static final Pattern UK = Pattern.compile("^([A-Z]{1,2}[0-9][0-9A-Z]?) ?[0-9][A-Z]{2}$");
    private static final Pattern NORWAY = Pattern.compile("^([0-9]{2})[0-9]{2}$");

    private PostcodeDistrict() {}

    public static Optional<String> of(String postcode) {
        String normalised = postcode.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        var uk = UK.matcher(normalised);
        if (uk.matches()) {
            return Optional.of(uk.group(1));
        }
        var norway = NORWAY.matcher(normalised);
        if (norway.matches()) {
            return Optional.of(norway.group(1) + "xx");
        }
        return Optional.empty();
    }
}
