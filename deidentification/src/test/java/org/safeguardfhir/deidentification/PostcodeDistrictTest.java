package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostcodeDistrictTest {

    @Test
    void aPostcodeCountsByItsDistrictOnly() {
        assertThat(PostcodeDistrict.of("SW1A 1AA")).hasValue("SW1A");
        assertThat(PostcodeDistrict.of(" m1  1ae ")).hasValue("M1");
        assertThat(PostcodeDistrict.of("B338TH")).hasValue("B33");
        assertThat(PostcodeDistrict.of("0150")).hasValue("01xx");
        assertThat(PostcodeDistrict.of("not a postcode")).isEmpty();
        assertThat(PostcodeDistrict.of("12345")).isEmpty();
    }
}
