package org.safeguardfhir.server.statistics;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.safeguardfhir.server.fhir.RestProvider;
import org.safeguardfhir.terminology.Canonicals;

/**
 * {@code $safeguarding-statistics}: counts of screenings, positive screenings and referrals sent over a period, broken
 * down by up to two dimensions, safe to publish ({@link CountTable}); what counts is in {@link CountingRules}. Who may
 * call it is decided with the other operations, in the access policy.
 */
public class SafeguardingStatisticsProvider implements RestProvider {

    public static final String NAME = "$safeguarding-statistics";
    public static final String CANONICAL = Canonicals.BASE + "/OperationDefinition/safeguarding-statistics";
    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    static final String DISCLOSURE_CONTROL = "Counts of 1 to 7 are suppressed (data-absent-reason masked) and counts of"
            + " 8 or more are rounded to the nearest 5; further counts are suppressed wherever a total would reveal a"
            + " suppressed one.";

    private final ScreeningLoader loader;

    SafeguardingStatisticsProvider(ScreeningLoader loader) {
        this.loader = loader;
    }

    @Operation(name = NAME, idempotent = true, canonicalUrl = CANONICAL)
    @Description(shortDefinition = "Small-number-safe counts of screenings, positive screenings and referrals")
    public Parameters statistics(
            @OperationParam(name = "start", min = 1, max = 1) DateType start,
            @OperationParam(name = "end", min = 1, max = 1) DateType end,
            @OperationParam(name = "by", min = 0, max = 2) List<CodeType> by) {
        LocalDate from = day("start", start);
        LocalDate to = day("end", end);
        if (to.isBefore(from)) {
            throw new InvalidRequestException("end must not be before start");
        }
        var dimensions = new ArrayList<Dimension>();
        for (CodeType code : by == null ? List.<CodeType>of() : by) {
            var dimension = Dimension.fromCode(code.getValue())
                    .orElseThrow(() -> new InvalidRequestException("Unknown dimension in by: " + code.getValue()
                            + "; use period, pathway, exploitation-type, age-band or region"));
            if (dimensions.contains(dimension)) {
                throw new InvalidRequestException("by names " + dimension.code() + " twice");
            }
            dimensions.add(dimension);
        }

        var screenings = loader.load(from, to);
        var result = new Parameters();
        result.addParameter().setName("start").setValue(new DateType(start.getValueAsString()));
        result.addParameter().setName("end").setValue(new DateType(end.getValueAsString()));
        dimensions.forEach(d -> result.addParameter().setName("by").setValue(new CodeType(d.code())));
        result.addParameter().setName("disclosure-control").setValue(new StringType(DISCLOSURE_CONTROL));
        for (Measure measure : Measure.values()) {
            var parameter = result.addParameter().setName(measure.code());
            for (var cell : StatisticsTable.tabulate(CountedUnit.of(measure, screenings), dimensions)) {
                var part = parameter.addPart().setName(cell.categories().isEmpty() ? "total" : "cell");
                cell.categories()
                        .forEach((dimension, category) ->
                                part.addPart().setName(dimension.code()).setValue(new StringType(category)));
                part.addPart().setName("count").setValue(count(cell.count()));
            }
        }
        return result;
    }

    /** A suppressed count has no value, only the reason: masked. */
    static IntegerType count(PublishedCount count) {
        var value = new IntegerType();
        count.value()
                .ifPresentOrElse(
                        v -> value.setValue(Math.toIntExact(v)),
                        () -> value.addExtension(DATA_ABSENT_REASON, new CodeType("masked")));
        return value;
    }

    private static LocalDate day(String name, DateType date) {
        if (date == null || date.getValue() == null || date.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw new InvalidRequestException(name + " must be a full date, e.g. 2026-01-31");
        }
        return date.getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
