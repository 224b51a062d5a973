package org.safeguardfhir.deidentification;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;
import org.safeguardfhir.deidentification.config.MethodOptions;
import org.safeguardfhir.deidentification.method.AgeBands;
import org.safeguardfhir.deidentification.method.DatePrecision;
import org.safeguardfhir.deidentification.method.PostcodeDistrict;

/**
 * generalize, which only ever acts on the value its rule selected: what lies inside that value (its extensions) is
 * removed, so a birth time extension cannot outlive a birth date turned into an age band.
 */
record Generalizer(MethodOptions.Generalize options, Clock clock) {

    ValueOutcome apply(ValueSite site) {
        PrimitiveType<?> value = site.value();
        return switch (options.to()) {
            case AGE_BAND -> ageBand(value);
            case YEAR -> coarsen(value, TemporalPrecisionEnum.YEAR);
            case MONTH -> coarsen(value, TemporalPrecisionEnum.MONTH);
            case POSTCODE_DISTRICT ->
                value instanceof StringType
                        ? ValueOutcome.changed(
                                PostcodeDistrict.of(value.getValueAsString())
                                        .map(d -> PrimitiveCopies.withValue(value, d))
                                        .orElse(null),
                                SecurityLabel.ABSTRED)
                        : ValueOutcome.REMOVED;
            case CASES -> cases(site);
        };
    }

    private ValueOutcome ageBand(PrimitiveType<?> value) {
        if (!(value instanceof BaseDateTimeType birthDate)) {
            return ValueOutcome.REMOVED;
        }
        return new AgeBands(options.bands())
                .band(birthDate, LocalDate.now(clock))
                .map(band -> new ValueOutcome(
                        null, SecurityLabel.ABSTRED, new Extension(AgeBands.EXTENSION_URL, new StringType(band))))
                .orElse(ValueOutcome.REMOVED);
    }

    private static ValueOutcome coarsen(PrimitiveType<?> value, TemporalPrecisionEnum precision) {
        if (!(value instanceof BaseDateTimeType date)) {
            return ValueOutcome.REMOVED;
        }
        BaseDateTimeType coarse = DatePrecision.truncate(date, precision).orElse(null);
        if (coarse != null && coarse.getValueAsString().equals(date.getValueAsString())) {
            return ValueOutcome.kept(coarse);
        }
        return ValueOutcome.changed(coarse, SecurityLabel.ABSTRED);
    }

    private ValueOutcome cases(ValueSite site) {
        for (MethodOptions.Case generalCase : options.cases()) {
            if (generalCase.when().holds(site.root(), site.value())) {
                List<Base> result = generalCase.then().evaluate(site.root(), site.value());
                PrimitiveType<?> replaced = result.size() == 1 && result.get(0).isPrimitive()
                        ? PrimitiveCopies.withValue(site.value(), result.get(0).primitiveValue())
                        : null;
                return ValueOutcome.changed(replaced, SecurityLabel.ABSTRED);
            }
        }
        return options.otherwiseKeep()
                ? ValueOutcome.kept(PrimitiveCopies.valueOnly(site.value()))
                : ValueOutcome.REMOVED;
    }
}
