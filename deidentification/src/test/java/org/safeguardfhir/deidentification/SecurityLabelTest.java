package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.run;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeguardfhir.deidentification.config.FhirPathSupport;

class SecurityLabelTest {

    @Test
    void everyLabelTheEngineWritesExistsInHapisBundledCodeSystem() {
        CodeSystem observationValue = (CodeSystem)
                new DefaultProfileValidationSupport(FhirPathSupport.context()).fetchCodeSystem(SecurityLabel.SYSTEM);
        Map<String, String> concepts = flatten(observationValue);

        assertThat(SecurityLabel.values()).allSatisfy(label -> {
            assertThat(concepts).containsKey(label.name());
            assertThat(label.toCoding().getDisplay()).isEqualTo(concepts.get(label.name()));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "'{path: Task.description, method: redact}', REDACTED",
        "'{path: Task.description, method: cryptoHash}', PSEUDED",
        "'{path: Task.description, method: encrypt}', MASKED",
        "'{path: Task.description, method: substitute, value: x}', MASKED",
        "'{path: Task.authoredOn, method: generalize, to: year}', ABSTRED",
        "'{path: Task.authoredOn, method: dateShift}', ABSTRED",
        "'{path: Task.input.valueQuantity, method: perturb, span: 1}', ABSTRED"
    })
    void labelsEachMethodWithWhatItDid(String rule, String label) {
        Task task = new Task().setDescription("text").setAuthoredOnElement(new DateTimeType("2026-01-02"));
        task.addInput().setValue(new Quantity(3));

        Task result = run(engine(rule, "{path: Task, method: keep}"), task, "Patient/p1");

        assertThat(labels(result)).containsExactly(label);
    }

    @Test
    void labelsEveryKindOfChangeThatHappened() {
        Patient patient = (Patient)
                new Patient().setBirthDateElement(new DateType("1990-04-05")).setId("p1");
        patient.addName().setFamily("Hoxha");

        Patient result = run(
                engine(
                        "{path: Patient.id, method: cryptoHash}",
                        "{path: Patient.birthDate, method: generalize, to: ageBand, bands: [0, 18]}"),
                patient);

        assertThat(labels(result)).containsExactlyInAnyOrder("REDACTED", "PSEUDED", "ABSTRED");
    }

    private static Map<String, String> flatten(CodeSystem codeSystem) {
        return codeSystem.getConcept().stream()
                .flatMap(SecurityLabelTest::withChildren)
                .collect(Collectors.toMap(
                        ConceptDefinitionComponent::getCode, ConceptDefinitionComponent::getDisplay, (a, b) -> a));
    }

    private static Stream<ConceptDefinitionComponent> withChildren(ConceptDefinitionComponent c) {
        return Stream.concat(Stream.of(c), c.getConcept().stream().flatMap(SecurityLabelTest::withChildren));
    }
}
