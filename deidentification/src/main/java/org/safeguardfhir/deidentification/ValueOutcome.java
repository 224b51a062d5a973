package org.safeguardfhir.deidentification;

import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * What a method made of one value.
 *
 * @param value the new value, or {@code null} when the value is removed
 * @param label what to record in meta.security, or {@code null} when the value is kept unchanged
 * @param resourceExtension an extension that replaces the value on the owning resource (the age band)
 */
record ValueOutcome(PrimitiveType<?> value, SecurityLabel label, Extension resourceExtension) {

    static final ValueOutcome REMOVED = new ValueOutcome(null, null, null);

    static ValueOutcome kept(PrimitiveType<?> value) {
        return new ValueOutcome(value, null, null);
    }

    static ValueOutcome changed(PrimitiveType<?> value, SecurityLabel label) {
        return value == null ? REMOVED : new ValueOutcome(value, label, null);
    }
}
