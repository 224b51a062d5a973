package org.safeguardfhir.server.statistics;

import java.util.Arrays;
import java.util.Optional;

/** What the counts can be broken down by. */
public enum Dimension {
    /** The month the screening was completed, e.g. {@code 2026-11}. */
    PERIOD("period"),
    /** The pathway of a referral sent ({@code none} for screenings from which no referral was sent). */
    PATHWAY("pathway"),
    /**
     * The suspected exploitation types ({@code none} when no type was suspected, or every suspicion was refuted or
     * entered in error).
     */
    EXPLOITATION_TYPE("exploitation-type"),
    /** The patient's age band when screened. */
    AGE_BAND("age-band"),
    /** The postcode district of the patient's address ({@code unknown} without one). */
    REGION("region");

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Dimension> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
