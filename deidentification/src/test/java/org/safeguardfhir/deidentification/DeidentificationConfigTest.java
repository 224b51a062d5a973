package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguardfhir.deidentification.Fixtures.config;
import static org.safeguardfhir.deidentification.Fixtures.engine;
import static org.safeguardfhir.deidentification.Fixtures.rules;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeidentificationConfigTest {

    @Test
    void theShippedConfigurationsLoad() {
        var environment =
                Map.of("SAFEGUARD_DEID_HASH_KEY", Fixtures.key(7), "SAFEGUARD_DEID_DATE_SHIFT_KEY", Fixtures.key(8));

        assertThat(Fixtures.shipped("dashboard", environment).configurationName())
                .isEqualTo("dashboard");
        assertThat(Fixtures.shipped("research", environment).configurationName())
                .isEqualTo("research");
    }

    @Test
    void anUnsupportedFormatVersionIsRefused() {
        assertThatThrownBy(() -> config("version: 2\nname: x\nrules:\n  - {path: Task.status, method: keep}\n"))
                .isInstanceOf(DeidentificationConfigException.class)
                .hasMessageContaining("format version");
    }

    @Test
    void eachBadRuleIsRefusedByNumberAndPath() {
        assertRefused("{path: Task.status, method: scramble}", "rule 1 (Task.status)", "unknown method scramble");
        assertRefused("{path: Task.status, method: keep, colour: red}", "rule 1 (Task.status)", "unknown [colour]");
        assertRefused(
                "{path: 'Task.status.where(', method: keep}", "rule 1 (Task.status.where()", "not valid FHIRPath");
        assertRefused("{path: Spaceship.name, method: keep}", "rule 1 (Spaceship.name)", "unknown resource type");
        assertRefused("{path: Task.authoredOn, method: generalize}", "rule 1 (Task.authoredOn)", "to is required");
        assertRefused("{path: Task.authoredOn, method: generalize, to: decade}", "rule 1", "not one of");
        assertRefused(
                "{path: Patient.birthDate, method: generalize, to: ageBand, bands: [0, 30, 18]}",
                "rule 1 (Patient.birthDate)",
                "ascending");
        assertRefused("{path: Task.description, method: substitute}", "rule 1", "value is required");
        assertRefused("{path: Observation.value.value, method: perturb}", "rule 1", "positive span");
    }

    @Test
    void aLaterBadRuleIsNamedByItsOwnNumber() {
        assertThatThrownBy(() -> rules("{path: Task.status, method: keep}", "{path: Task.intent, method: blur}"))
                .hasMessageContaining("rule 2 (Task.intent): unknown method blur");
        assertThatThrownBy(() -> rules("{path: Task.status, method: keep}", "{path: Task.intent, method: keep, x: 1}"))
                .hasMessageContaining("rule 2 (Task.intent)");
    }

    @Test
    void keysComeOnlyFromTheEnvironment() {
        assertThatThrownBy(() -> config("version: 1\nname: x\nparameters:\n  cryptoHashKey: c2VjcmV0\n"
                        + "rules:\n  - {path: Task.for, method: cryptoHash}\n"))
                .hasMessageContaining("must name an environment variable");

        var config = rules("{path: Task.status, method: keep}", "{path: Task.for, method: cryptoHash}");
        assertThatThrownBy(() -> engine(config, Map.of()))
                .hasMessageContaining("rule 2 (Task.for)")
                .hasMessageContaining("HASH_KEY")
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> engine(config, Map.of("HASH_KEY", "c2hvcnQ=")))
                .hasMessageContaining("rule 2 (Task.for)")
                .hasMessageContaining("at least 32");
    }

    private static void assertRefused(String rule, String names, String problem) {
        assertThatThrownBy(() -> rules(rule))
                .isInstanceOf(DeidentificationConfigException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining(names);
    }
}
