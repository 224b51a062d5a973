package org.safeguardfhir.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConformancePackageTest {

    @Test
    void namesQuestionnairesUnderThePackageCanonical() {
        assertThat(ConformancePackage.questionnaire("trafficking-screening-adult"))
                .isEqualTo("https://safeguardfhir.org/fhir/Questionnaire/trafficking-screening-adult")
                .startsWith(ConformancePackage.CANONICAL);
    }
}
