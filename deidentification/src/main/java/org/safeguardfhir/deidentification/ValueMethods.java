package org.safeguardfhir.deidentification;

import java.time.Clock;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OidType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.UuidType;
import org.safeguardfhir.deidentification.config.MethodOptions;
import org.safeguardfhir.deidentification.config.Rule;
import org.safeguardfhir.deidentification.method.CryptoHash;
import org.safeguardfhir.deidentification.method.DateShift;
import org.safeguardfhir.deidentification.method.Encryption;
import org.safeguardfhir.deidentification.method.Perturbation;

/**
 * Applies a rule's method to one primitive value. A value the method cannot represent (a hash in a boolean, a
 * ciphertext in a fixed code) is removed, never passed through.
 */
final class ValueMethods {

    /** Quantity parts that describe the number rather than anyone; perturbing a Quantity keeps them. */
    private static final Set<String> QUANTITY_DESCRIPTION = Set.of("unit", "system", "code", "comparator");

    private final CryptoHash cryptoHash;
    private final Encryption encryption;
    private final DateShift dateShift;
    private final RandomGenerator random;
    private final Clock clock;

    ValueMethods(
            CryptoHash cryptoHash, Encryption encryption, DateShift dateShift, RandomGenerator random, Clock clock) {
        this.cryptoHash = cryptoHash;
        this.encryption = encryption;
        this.dateShift = dateShift;
        this.random = random;
        this.clock = clock;
    }

    ValueOutcome apply(Rule rule, ValueSite site, IntSupplier dateShiftDays) {
        PrimitiveType<?> value = site.value();
        return switch (rule.method()) {
            case KEEP -> ValueOutcome.kept(PrimitiveCopies.valueOnly(value));
            case REDACT -> ValueOutcome.REMOVED;
            case CRYPTO_HASH -> ValueOutcome.changed(hash(site), SecurityLabel.PSEUDED);
            case ENCRYPT -> ValueOutcome.changed(encrypt(value), SecurityLabel.MASKED);
            case DATE_SHIFT -> ValueOutcome.changed(shift(value, dateShiftDays), SecurityLabel.ABSTRED);
            case SUBSTITUTE -> ValueOutcome.changed(substitute(rule, site), SecurityLabel.MASKED);
            case GENERALIZE ->
                site.direct()
                        ? new Generalizer((MethodOptions.Generalize) rule.options(), clock).apply(site)
                        : ValueOutcome.REMOVED;
            case PERTURB -> perturb((MethodOptions.Perturb) rule.options(), site);
        };
    }

    private PrimitiveType<?> hash(ValueSite site) {
        PrimitiveType<?> value = site.value();
        if (value instanceof IdType id && site.parent() instanceof Resource owner) {
            return new IdType(cryptoHash.resourceId(owner.fhirType(), id.getIdPart()));
        }
        if (!hashable(value)) {
            return null;
        }
        String text = value.getValueAsString();
        boolean reference = site.parent() instanceof Reference && "reference".equals(site.property());
        return PrimitiveCopies.withValue(value, reference ? cryptoHash.reference(text) : cryptoHash.hex(text));
    }

    private PrimitiveType<?> encrypt(PrimitiveType<?> value) {
        if (!hashable(value) || value instanceof IdType) {
            return null;
        }
        return PrimitiveCopies.withValue(value, encryption.encrypt(value.getValueAsString()));
    }

    private PrimitiveType<?> shift(PrimitiveType<?> value, IntSupplier dateShiftDays) {
        if (!(value instanceof BaseDateTimeType date)) {
            return null;
        }
        return dateShift.shift(date, dateShiftDays.getAsInt()).orElse(null);
    }

    private static PrimitiveType<?> substitute(Rule rule, ValueSite site) {
        if (!site.direct()) {
            return null;
        }
        return PrimitiveCopies.withValue(site.value(), ((MethodOptions.Substitute) rule.options()).value());
    }

    private ValueOutcome perturb(MethodOptions.Perturb options, ValueSite site) {
        if (site.parent() instanceof Quantity && QUANTITY_DESCRIPTION.contains(site.property())) {
            return ValueOutcome.kept(PrimitiveCopies.valueOnly(site.value()));
        }
        Perturbation perturbation = new Perturbation(options.span(), options.proportional(), options.roundTo(), random);
        return ValueOutcome.changed(perturbation.perturb(site.value()).orElse(null), SecurityLabel.ABSTRED);
    }

    /** Text types that can hold a digest; fixed-vocabulary codes, OIDs and UUIDs cannot. */
    private static boolean hashable(PrimitiveType<?> value) {
        return !(value instanceof Enumeration<?> || value instanceof OidType || value instanceof UuidType)
                && (value instanceof StringType
                        || value instanceof CodeType
                        || value instanceof UriType
                        || value instanceof IdType);
    }
}
