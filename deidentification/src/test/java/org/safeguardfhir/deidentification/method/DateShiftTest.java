package org.safeguardfhir.deidentification.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;

class DateShiftTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void offsetIsFixedPerScopeAndKey() {
        DateShift shift = new DateShift(KEY, 50);

        assertThat(shift.offsetDays("Patient/1")).isEqualTo(new DateShift(KEY, 50).offsetDays("Patient/1"));
    }

    @Test
    void offsetsCoverTheWholeRangeButNeverZero() {
        DateShift shift = new DateShift(KEY, 3);
        Map<Integer, Integer> counts = new HashMap<>();

        for (int i = 0; i < 6000; i++) {
            counts.merge(shift.offsetDays("Patient/" + i), 1, Integer::sum);
        }

        assertThat(counts).containsOnlyKeys(-3, -2, -1, 1, 2, 3);
        // Uniform: each of the six offsets near 1000 times.
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }

    @Test
    void shiftsADateTimeAsWrittenAndKeepsOnlyTheDate() {
        DateShift shift = new DateShift(KEY, 50);

        assertThat(shift.shift(new DateTimeType("2026-01-31T23:30:00-05:00"), 1))
                .get()
                .extracting(v -> v.getValueAsString())
                .isEqualTo("2026-02-01");
        assertThat(shift.shift(new DateType("2024-02-28"), 1).get().getValueAsString())
                .isEqualTo("2024-02-29");
        assertThat(shift.shift(new InstantType("2026-01-31T10:00:00Z"), -31)
                        .get()
                        .getValueAsString())
                .isEqualTo("2025-12-31T00:00:00Z");
    }

    @Test
    void givesNothingForPartialDates() {
        DateShift shift = new DateShift(KEY, 50);

        assertThat(shift.shift(new DateType("2026"), 3)).isEmpty();
        assertThat(shift.shift(new DateTimeType("2026-04"), 3)).isEmpty();
    }
}
