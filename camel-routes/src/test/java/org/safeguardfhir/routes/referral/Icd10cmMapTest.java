package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ExploitationType;

class Icd10cmMapTest {

    final Icd10cmMap map = Icd10cmMap.load();

    @Test
    void suspectedLabourExploitationOfAnAdult() {
        assertThat(map.suspected(ExploitationType.LABOUR, AgeGroup.ADULT)).hasValueSatisfying(coding -> {
            assertThat(coding.getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
            assertThat(coding.getCode()).isEqualTo("T76.61");
        });
    }

    @Test
    void suspectedSexualExploitationOfAChild() {
        assertThat(map.suspected(ExploitationType.SEXUAL, AgeGroup.CHILD))
                .hasValueSatisfying(coding -> assertThat(coding.getCode()).isEqualTo("T76.52"));
    }

    @Test
    void noCodeWhereTheMapHasNone() {
        assertThat(map.suspected(ExploitationType.UNKNOWN, AgeGroup.ADULT)).isEmpty();
        assertThat(map.suspected(ExploitationType.CRIMINAL, AgeGroup.CHILD)).isEmpty();
    }
}
