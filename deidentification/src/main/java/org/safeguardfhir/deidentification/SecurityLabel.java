package org.safeguardfhir.deidentification;

import org.hl7.fhir.r4.model.Coding;

/**
 * The v3-ObservationValue codes the engine puts in {@code meta.security} to say what it did. The code system has no
 * code for adding noise; perturbation is labelled ABSTRED ("a more abstract version of the content"), the closest.
 */
public enum SecurityLabel {
    /** Something was removed, by a redact rule or because no rule kept it. */
    REDACTED("redacted"),
    /** A value was replaced by a keyed hash (cryptoHash). */
    PSEUDED("pseudonymized"),
    /** A value was encrypted or substituted. */
    MASKED("masked"),
    /** A value was generalised, date-shifted or perturbed. */
    ABSTRED("abstracted");

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    private final String display;

    SecurityLabel(String display) {
        this.display = display;
    }

    public Coding toCoding() {
        return new Coding(SYSTEM, name(), display);
    }
}
