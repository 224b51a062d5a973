package org.safeguardfhir.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class CategoriesTest {

    @Test
    void theAgeBandIsTheAgeWhenScreened() {
        var patient = new Patient().setBirthDateElement(new DateType("2008-06-15"));

        assertThat(ScreeningLoader.ageBand(patient, LocalDate.parse("2024-06-14")))
                .isEqualTo("0-15");
        assertThat(ScreeningLoader.ageBand(patient, LocalDate.parse("2024-06-15")))
                .isEqualTo("16-17");
        assertThat(ScreeningLoader.ageBand(patient, LocalDate.parse("2026-06-15")))
                .isEqualTo("18-24");
        assertThat(ScreeningLoader.ageBand(patient, LocalDate.parse("2078-01-01")))
                .isEqualTo("65+");
        assertThat(ScreeningLoader.ageBand(new Patient(), LocalDate.parse("2026-01-01")))
                .isEqualTo("unknown");
    }
}
