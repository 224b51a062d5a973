package org.safeguardfhir.deidentification.method;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * Coarsens a date or dateTime to a year or a year and month: 2026-11-20T10:45:00Z becomes 2026-11. The year and month
 * are those written in the value, in its own time zone. A value already as coarse stays as it is.
 */
public final class DatePrecision {

    private DatePrecision() {}

    /** Empty for an instant (which cannot drop its time) or an empty value. */
    public static Optional<BaseDateTimeType> truncate(BaseDateTimeType value, TemporalPrecisionEnum precision) {
        if (value.getValue() == null || !(value instanceof DateType || value instanceof DateTimeType)) {
            return Optional.empty();
        }
        int length = precision == TemporalPrecisionEnum.YEAR ? 4 : 7;
        String written = value.getValueAsString();
        String kept = written.length() <= length ? written : written.substring(0, length);
        return Optional.of(value instanceof DateType ? new DateType(kept) : new DateTimeType(kept));
    }
}
