package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.terminology.Canonicals;

class AgeGroupTest {

    @Test
    void codesAreThoseOfTheCodeSystemInItsOrder() {
        assertThat(Arrays.stream(AgeGroup.values()).map(AgeGroup::code))
                .containsExactlyElementsOf(
                        CodeSystemFile.displays(Canonicals.AGE_GROUP).keySet());
    }
}
