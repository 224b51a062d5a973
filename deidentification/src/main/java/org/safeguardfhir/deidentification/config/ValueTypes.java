package org.safeguardfhir.deidentification.config;

import java.util.Set;

/** FHIR type names grouped by what the methods can do with them. */
final class ValueTypes {

    /** Types that can hold a hex digest. */
    static final Set<String> HASHABLE = Set.of("string", "markdown", "code", "id", "uri", "url", "canonical");

    /** Types that can hold Base64 ciphertext ({@code id} is limited to 64 characters of a smaller alphabet). */
    static final Set<String> ENCRYPTABLE = Set.of("string", "markdown", "code", "uri", "url", "canonical");

    static final Set<String> DATES = Set.of("date", "dateTime", "instant");

    /** Types whose precision can be cut to a year or month ({@code instant} must keep its time). */
    static final Set<String> COARSENABLE_DATES = Set.of("date", "dateTime");

    static final Set<String> NUMBERS = Set.of("integer", "decimal", "positiveInt", "unsignedInt");

    private static final Set<String> OTHER_PRIMITIVES =
            Set.of("boolean", "time", "base64Binary", "oid", "uuid", "xhtml");

    private ValueTypes() {}

    static boolean isPrimitive(String type) {
        return HASHABLE.contains(type)
                || DATES.contains(type)
                || NUMBERS.contains(type)
                || OTHER_PRIMITIVES.contains(type);
    }

    static boolean isComposite(String type) {
        return !isPrimitive(type);
    }
}
