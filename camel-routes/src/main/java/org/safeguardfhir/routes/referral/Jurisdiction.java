package org.safeguardfhir.routes.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The legal system whose referral rules apply, named for what it is. Only two have rules: England and Wales (the
 * National Referral Mechanism, the Duty to Notify of the Modern Slavery Act 2015 s.52) and Norway. Scotland and
 * Northern Ireland have their own law (in Northern Ireland, health and social care trusts are First Responders
 * themselves), and "UK" names no single set of rules, so {@link #parse} refuses them: a deployment there must not run
 * on England's rules by default.
 */
public enum Jurisdiction {
    ENGLAND_AND_WALES,
    NORWAY;

    private static final Map<String, String> REFUSED = Map.of(
            "UK", "the United Kingdom has three sets of rules; England and Wales is ENGLAND_AND_WALES",
            "GB", "Great Britain has two sets of rules; England and Wales is ENGLAND_AND_WALES",
            "SCOTLAND",
                    "Scotland's rules (the Human Trafficking and Exploitation (Scotland) Act 2015) are not modelled",
            "NORTHERN_IRELAND",
                    "Northern Ireland's rules (where health and social care trusts are First Responders) are not modelled",
            "NO", "write NORWAY");

    /**
     * The jurisdiction a configuration value names, case and hyphens aside ({@code england-and-wales} works).
     *
     * @throws IllegalArgumentException naming the supported values, for anything else
     */
    public static Jurisdiction parse(String value) {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Jurisdiction jurisdiction : values()) {
            if (jurisdiction.name().equals(name)) {
                return jurisdiction;
            }
        }
        String why = REFUSED.getOrDefault(name, "it is not a jurisdiction with referral rules");
        throw new IllegalArgumentException("SAFEGUARD_JURISDICTION=" + value + " is not supported: " + why
                + ". Supported: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
