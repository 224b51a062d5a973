package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JurisdictionTest {

    @ParameterizedTest
    @CsvSource({
        "ENGLAND_AND_WALES,ENGLAND_AND_WALES",
        "england-and-wales,ENGLAND_AND_WALES",
        " NORWAY ,NORWAY",
        "norway,NORWAY"
    })
    void namesEachSupportedJurisdictionWhateverItsCase(String value, Jurisdiction expected) {
        assertThat(Jurisdiction.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UK", "GB", "SCOTLAND", "northern-ireland", "NO", "Wales", ""})
    void refusesEveryOtherValueNamingWhatIsSupported(String value) {
        assertThatThrownBy(() -> Jurisdiction.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not supported")
                .hasMessageContaining("Supported: ENGLAND_AND_WALES, NORWAY");
    }

    @Test
    void explainsWhyScotlandAndNorthernIrelandAreRefused() {
        assertThatThrownBy(() -> Jurisdiction.parse("SCOTLAND")).hasMessageContaining("not modelled");
        assertThatThrownBy(() -> Jurisdiction.parse("NORTHERN_IRELAND")).hasMessageContaining("First Responders");
        assertThatThrownBy(() -> Jurisdiction.parse("UK")).hasMessageContaining("three sets of rules");
    }
}
