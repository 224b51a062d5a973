package org.safeguardfhir.deidentification.config;

import java.util.Arrays;
import java.util.Optional;

/** The {@code to} of a generalize rule. */
public enum Generalization {
    /** A birth date becomes an age band extension on the resource. */
    AGE_BAND("ageBand"),
    /** A date or dateTime keeps only its year. */
    YEAR("year"),
    /** A date or dateTime keeps only its year and month. */
    MONTH("month"),
    /** A UK postcode keeps its outward code, a Norwegian postnummer its first two digits. */
    POSTCODE_DISTRICT("postcodeDistrict"),
    /** FHIRPath cases: the first whose {@code when} holds gives the value. */
    CASES("cases");

    private final String configName;

    Generalization(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static Optional<Generalization> byConfigName(String name) {
        return Arrays.stream(values()).filter(g -> g.configName.equals(name)).findFirst();
    }
}
