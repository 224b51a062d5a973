package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.junit.jupiter.api.Test;

class ReferralPriorityTest {

    @Test
    void codesAreTheFhirRequestPriorityCodesInIncreasingUrgency() {
        assertThat(Arrays.stream(ReferralPriority.values()).map(ReferralPriority::code))
                .containsExactly(
                        TaskPriority.ROUTINE.toCode(),
                        TaskPriority.URGENT.toCode(),
                        TaskPriority.ASAP.toCode(),
                        TaskPriority.STAT.toCode());
    }
}
