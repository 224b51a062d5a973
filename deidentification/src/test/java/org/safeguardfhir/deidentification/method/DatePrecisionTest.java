package org.safeguardfhir.deidentification.method;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;

class DatePrecisionTest {

    @Test
    void cutsToTheMonthAsWrittenInTheValuesOwnZone() {
        assertThat(DatePrecision.truncate(new DateTimeType("2026-11-30T23:45:00-05:00"), TemporalPrecisionEnum.MONTH)
                        .get()
                        .getValueAsString())
                .isEqualTo("2026-11");
    }

    @Test
    void cutsToTheYear() {
        assertThat(DatePrecision.truncate(new DateType("2026-11-20"), TemporalPrecisionEnum.YEAR)
                        .get()
                        .getValueAsString())
                .isEqualTo("2026");
    }

    @Test
    void leavesACoarserValueAsItIs() {
        assertThat(DatePrecision.truncate(new DateType("2026"), TemporalPrecisionEnum.MONTH)
                        .get()
                        .getValueAsString())
                .isEqualTo("2026");
    }

    @Test
    void cannotCoarsenAnInstant() {
        assertThat(DatePrecision.truncate(new InstantType("2026-11-20T10:45:00Z"), TemporalPrecisionEnum.MONTH))
                .isEmpty();
    }
}
