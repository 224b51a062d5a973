package org.safeguardfhir.deidentification.config;

import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * Rejects a rule whose method cannot act on anything its path can select, as far as that is knowable before seeing
 * data. Methods that reach inside composite types (a Reference for cryptoHash, a Period for dateShift) accept them;
 * the run-time engine removes any value it cannot transform.
 */
final class TypeCompatibility {

    private TypeCompatibility() {}

    static void check(String where, Method method, MethodOptions options, CompiledPath path) {
        Set<String> types = path.types();
        Optional<Base> element = path.element();
        boolean fixedCode = element.filter(Enumeration.class::isInstance).isPresent();
        switch (method) {
            case KEEP, REDACT -> {}
            case CRYPTO_HASH -> require(where, method, types, t -> ValueTypes.HASHABLE.contains(t) || composite(t));
            case ENCRYPT -> require(where, method, types, t -> ValueTypes.ENCRYPTABLE.contains(t) || composite(t));
            case DATE_SHIFT -> require(where, method, types, t -> ValueTypes.DATES.contains(t) || composite(t));
            case PERTURB -> require(where, method, types, t -> ValueTypes.NUMBERS.contains(t) || composite(t));
            case SUBSTITUTE -> checkSubstitute(where, (MethodOptions.Substitute) options, types, element);
            case GENERALIZE -> checkGeneralize(where, (MethodOptions.Generalize) options, types);
        }
        if (fixedCode && (method == Method.CRYPTO_HASH || method == Method.ENCRYPT)) {
            throw new DeidentificationConfigException(where + ": " + method.configName()
                    + " cannot be applied: the element is a code from a required value set, which cannot hold a "
                    + (method == Method.CRYPTO_HASH ? "hash" : "ciphertext") + "; use keep, redact or substitute");
        }
    }

    private static void checkSubstitute(
            String where, MethodOptions.Substitute options, Set<String> types, Optional<Base> element) {
        require(where, Method.SUBSTITUTE, types, ValueTypes::isPrimitive);
        if (element.isPresent() && element.get() instanceof PrimitiveType<?> primitive) {
            requireAccepted(where, options.value(), (PrimitiveType<?>) primitive.copy(), primitive.fhirType());
        } else if (types.size() == 1) {
            String type = types.iterator().next();
            BaseRuntimeElementDefinition<?> definition =
                    FhirPathSupport.context().getElementDefinition(type);
            if (definition != null && definition.newInstance() instanceof PrimitiveType<?> primitive) {
                requireAccepted(where, options.value(), primitive, type);
            }
        }
    }

    private static void requireAccepted(String where, String value, PrimitiveType<?> primitive, String type) {
        try {
            primitive.setValueAsString(value);
        } catch (RuntimeException e) {
            throw new DeidentificationConfigException(
                    where + ": substitute value '" + value + "' is not a valid " + type + ": " + e.getMessage(), e);
        }
    }

    private static void checkGeneralize(String where, MethodOptions.Generalize options, Set<String> types) {
        Predicate<String> accepted =
                switch (options.to()) {
                    case AGE_BAND, YEAR, MONTH -> ValueTypes.COARSENABLE_DATES::contains;
                    case POSTCODE_DISTRICT -> "string"::equals;
                    case CASES -> ValueTypes::isPrimitive;
                };
        require(where, Method.GENERALIZE, types, accepted, "to: " + options.to().configName());
    }

    private static void require(String where, Method method, Set<String> types, Predicate<String> accepted) {
        require(where, method, types, accepted, null);
    }

    private static void require(
            String where, Method method, Set<String> types, Predicate<String> accepted, String detail) {
        if (!types.isEmpty() && types.stream().noneMatch(accepted)) {
            throw new DeidentificationConfigException(where + ": " + method.configName()
                    + (detail == null ? "" : " (" + detail + ")") + " cannot be applied to " + String.join("|", types));
        }
    }

    private static boolean composite(String type) {
        return ValueTypes.isComposite(type);
    }
}
