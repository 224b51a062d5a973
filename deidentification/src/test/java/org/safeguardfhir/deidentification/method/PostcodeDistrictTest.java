package org.safeguardfhir.deidentification.method;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeDistrictTest {

    @ParameterizedTest
    @CsvSource({
        "SW1A 1AA, SW1A",
        "M1 1AE, M1",
        "m11ae, M1",
        "B33 8TH, B33",
        "CR2 6XH, CR2",
        "DN55 1PT, DN55",
        "EC1A 1BB, EC1A",
        "W1A 0AX, W1A",
        "' SW1A  1AA ', SW1A"
    })
    void keepsTheOutwardCodeOfAUkPostcode(String postcode, String district) {
        assertThat(PostcodeDistrict.of(postcode)).contains(district);
    }

    @ParameterizedTest
    @CsvSource({"0150, 01xx", "5003, 50xx", "9990, 99xx"})
    void keepsTheFirstTwoDigitsOfANorwegianPostnummer(String postnummer, String district) {
        assertThat(PostcodeDistrict.of(postnummer)).contains(district);
    }

    @ParameterizedTest
    @ValueSource(strings = {"75001", "10115 Berlin", "SW1A 1A", "123", "not a postcode", ""})
    void recognisesNothingElse(String postcode) {
        assertThat(PostcodeDistrict.of(postcode)).isEmpty();
    }

    @Test
    void acceptsAnOutwardCodeOnItsOwn() {
        assertThat(PostcodeDistrict.of("LS1")).contains("LS1");
    }
}
