package org.safeguardfhir.deidentification.method;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Moves dates by a whole number of days derived from the key and a scope (the patient), so every date of one patient
 * moves by the same amount: intervals between them survive, the calendar dates do not.
 *
 * <p>The offset is HMAC-SHA-256(key, scope), its first 8 bytes read as a number and mapped uniformly onto
 * [-range, -1] and [1, range]; 0 is excluded so no date is ever left as it was. As Microsoft's tool does, only the
 * date survives: a dateTime comes out as a date-precision dateTime, an instant (which must carry a time) at
 * 00:00:00Z of its shifted date. Partial dates (a year, a year and month) cannot shift meaningfully and are removed.
 */
public final class DateShift {

    private final Hmac hmac;
    private final int rangeDays;

    public DateShift(byte[] key, int rangeDays) {
        if (rangeDays < 1) {
            throw new IllegalArgumentException("the range must be at least one day");
        }
        this.hmac = new Hmac(key);
        this.rangeDays = rangeDays;
    }

    /** The offset in days for a scope, in [-range, -1] or [1, range]. */
    public int offsetDays(String scope) {
        long draw = ByteBuffer.wrap(hmac.digest(scope)).getLong();
        int position = (int) Math.floorMod(draw, 2L * rangeDays);
        return position < rangeDays ? position - rangeDays : position - rangeDays + 1;
    }

    /** The shifted value, or empty when the value is partial or empty and must be removed. */
    public Optional<BaseDateTimeType> shift(BaseDateTimeType value, int offsetDays) {
        if (value.getValue() == null || value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return Optional.empty();
        }
        // The date as written, not as converted to this JVM's zone.
        LocalDate shifted =
                LocalDate.parse(value.getValueAsString().substring(0, 10)).plusDays(offsetDays);
        if (value instanceof InstantType) {
            return Optional.of(new InstantType(shifted + "T00:00:00Z"));
        }
        if (value instanceof DateType) {
            return Optional.of(new DateType(shifted.toString()));
        }
        return Optional.of(new DateTimeType(shifted.toString()));
    }
}
