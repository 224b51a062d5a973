package org.safeguardfhir.deidentification;

import org.hl7.fhir.r4.model.PrimitiveType;

/** Fresh primitives of a value's own type (keeping an Enumeration's value set), without its id or extensions. */
final class PrimitiveCopies {

    private PrimitiveCopies() {}

    static PrimitiveType<?> valueOnly(PrimitiveType<?> value) {
        PrimitiveType<?> copy = (PrimitiveType<?>) value.copy();
        copy.setId((String) null);
        copy.getExtension().clear();
        return copy;
    }

    static PrimitiveType<?> blank(PrimitiveType<?> value) {
        PrimitiveType<?> copy = valueOnly(value);
        copy.setValueAsString(null);
        return copy;
    }

    /** The value in the same type, or {@code null} when the type does not accept it (e.g. a code outside its set). */
    static PrimitiveType<?> withValue(PrimitiveType<?> value, String text) {
        PrimitiveType<?> copy = valueOnly(value);
        try {
            copy.setValueAsString(text);
            return copy;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
