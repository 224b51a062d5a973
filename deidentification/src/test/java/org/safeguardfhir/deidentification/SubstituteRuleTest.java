package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.run;

import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class SubstituteRuleTest {

    @Test
    void replacesTheValueWithTheFixedOne() {
        Task task = new Task().setDescription("Met trafficker at the clinic door");

        Task result = run(engine("{path: Task.description, method: substitute, value: withheld}"), task);

        assertThat(result.getDescription()).isEqualTo("withheld");
        assertThat(labels(result)).containsExactly("MASKED");
    }

    @Test
    void substitutesACodeWithAnotherCodeOfItsValueSet() {
        Task task = new Task().setStatus(Task.TaskStatus.INPROGRESS);

        Task result = run(engine("{path: Task.status, method: substitute, value: on-hold}"), task);

        assertThat(result.getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
    }

    @Test
    void dropsTheReplacedValuesExtensions() {
        Task task = new Task().setDescription("text");
        task.getDescriptionElement().addExtension("https://example.org/original-language", new StringType("sq"));

        Task result = run(engine("{path: Task.description, method: substitute, value: withheld}"), task);

        assertThat(result.getDescriptionElement().hasExtension()).isFalse();
    }
}
