package org.safeguardfhir.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class CategoriesTest {

    @Test
    void aPostcodeCountsByItsDistrictOnly() {
        assertThat(PostcodeDistrict.of("SW1A 1AA")).hasValue("SW1A");
        assertThat(PostcodeDistrict.of(" m1  1ae ")).hasValue("M1");
        assertThat(PostcodeDistrict.of("B338TH")).hasValue("B33");
        assertThat(PostcodeDistrict.of("0150")).hasValue("01xx");
        assertThat(PostcodeDistrict.of("not a postcode")).isEmpty();
        assertThat(PostcodeDistrict.of("12345")).isEmpty();
    }

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
