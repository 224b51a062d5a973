package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CanonicalsTest {

    @Test
    void buildsCanonicalsUnderTheBase() {
        assertThat(Canonicals.codeSystem("trafficking-indicator"))
                .isEqualTo("https://safeguardfhir.org/fhir/CodeSystem/trafficking-indicator");
        assertThat(Canonicals.valueSet("risk-level")).isEqualTo("https://safeguardfhir.org/fhir/ValueSet/risk-level");
    }

    @Test
    void rejectsIdsThatAreNotKebabCase() {
        assertThatIllegalArgumentException().isThrownBy(() -> Canonicals.valueSet("RiskLevel"));
        assertThatIllegalArgumentException().isThrownBy(() -> Canonicals.valueSet("risk level"));
    }
}
