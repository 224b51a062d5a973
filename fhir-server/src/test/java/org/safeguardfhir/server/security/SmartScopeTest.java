package org.safeguardfhir.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardfhir.server.security.SmartScope.Context;
import org.safeguardfhir.server.security.SmartScope.Interaction;

class SmartScopeTest {

    @Test
    void readsAVersionTwoScope() {
        var scope = SmartScope.parse("system/Task.rs").orElseThrow();

        assertThat(scope.context()).isEqualTo(Context.SYSTEM);
        assertThat(scope.resourceType()).isEqualTo("Task");
        assertThat(scope.interactions()).containsExactlyInAnyOrder(Interaction.READ, Interaction.SEARCH);
        assertThat(scope.permits("Task", Interaction.SEARCH)).isTrue();
        assertThat(scope.permits("Task", Interaction.UPDATE)).isFalse();
        assertThat(scope.permits("Flag", Interaction.READ)).isFalse();
    }

    @Test
    void readsVersionOneScopesAsTheirVersionTwoEquivalents() {
        assertThat(SmartScope.parse("patient/Observation.read").orElseThrow().interactions())
                .containsExactlyInAnyOrder(Interaction.READ, Interaction.SEARCH);
        assertThat(SmartScope.parse("user/*.write").orElseThrow().interactions())
                .containsExactlyInAnyOrder(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
        assertThat(SmartScope.parse("user/*.*").orElseThrow().interactions())
                .isEqualTo(EnumSet.allOf(Interaction.class));
    }

    @Test
    void aWildcardTypeCoversEveryType() {
        var scope = SmartScope.parse("user/*.cruds").orElseThrow();

        assertThat(scope.permits("Flag", Interaction.DELETE)).isTrue();
        assertThat(scope.permits("AuditEvent", Interaction.READ)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openid",
                "fhirUser",
                "launch/patient",
                "offline_access",
                "user/Task.sr",
                "user/Task.x",
                "user/task.rs",
                "admin/Task.rs",
                "patient/Observation.rs?category=laboratory"
            })
    void grantsNothingForWhatIsNotAWellFormedResourceScope(String scope) {
        assertThat(SmartScope.parse(scope)).isEmpty();
    }
}
