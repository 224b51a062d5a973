package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.json;
import static org.safeguardfhir.deidentification.Engines.parse;
import static org.safeguardfhir.deidentification.Engines.run;

import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class RuleSemanticsTest {

    private static Patient patient() {
        return parse(
                Patient.class,
                """
                {"resourceType": "Patient", "id": "p1",
                 "name": [{"use": "official", "family": "Hoxha", "given": ["Amira", "Amira"]},
                          {"use": "nickname", "given": ["Ami"]}],
                 "gender": "female", "birthDate": "1990-04-05",
                 "_birthDate": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime",
                                               "valueDateTime": "1990-04-05T03:10:00Z"}]},
                 "address": [{"line": ["1 High Street"], "city": "Leeds", "postalCode": "LS1 4AP"}]}
                """);
    }

    @Test
    void keepCoversEverythingInsideTheSelectedNode() {
        Patient result = run(engine("{path: Patient.address, method: keep}"), patient());

        assertThat(result.getAddressFirstRep().getLine()).extracting("value").containsExactly("1 High Street");
        assertThat(result.getAddressFirstRep().getCity()).isEqualTo("Leeds");
        assertThat(result.hasName()).isFalse();
    }

    @Test
    void keepOfAPrimitiveKeepsItsExtensions() {
        Patient result = run(engine("{path: Patient.birthDate, method: keep}"), patient());

        assertThat(result.getBirthDateElement().getValueAsString()).isEqualTo("1990-04-05");
        assertThat(result.getBirthDateElement().getExtension()).hasSize(1);
    }

    @Test
    void earlierRedactWinsOverLaterKeepOfTheWhole() {
        Patient result = run(
                engine("{path: Patient.name.given, method: redact}", "{path: Patient.name, method: keep}"), patient());

        assertThat(result.getName()).extracting(n -> n.getFamily()).containsExactly("Hoxha", null);
        assertThat(json(result)).doesNotContain("Amira", "Ami\"");
    }

    @Test
    void earlierKeepMakesAnExceptionToLaterRedactOfTheWhole() {
        Patient result = run(
                engine(
                        "{path: Patient.name.family, method: keep}",
                        "{path: Patient.name, method: redact}",
                        "{path: Patient.name.given, method: keep}"),
                patient());

        assertThat(result.getName()).singleElement().satisfies(name -> {
            assertThat(name.getFamily()).isEqualTo("Hoxha");
            assertThat(name.hasGiven()).isFalse();
            assertThat(name.hasUse()).isFalse();
        });
    }

    @Test
    void firstRuleWinsWhenTwoSelectTheSameNode() {
        Task task = new Task().setDescription("Call the safe number");

        Task kept =
                run(engine("{path: Task.description, method: keep}", "{path: Task.description, method: redact}"), task);
        Task redacted =
                run(engine("{path: Task.description, method: redact}", "{path: Task.description, method: keep}"), task);

        assertThat(kept.getDescription()).isEqualTo("Call the safe number");
        assertThat(redacted.hasDescription()).isFalse();
    }

    @Test
    void equalValuesAreDecidedOneByOne() {
        Patient result = run(
                engine("{path: Patient.name.given.first(), method: redact}", "{path: Patient.name, method: keep}"),
                patient());

        assertThat(result.getName().get(0).getGiven()).extracting("value").containsExactly("Amira");
    }

    @Test
    void pathsSeeTheInputNotEarlierResults() {
        Patient result = run(
                engine(
                        "{path: Patient.name.where(use = 'official').use, method: redact}",
                        "{path: \"Patient.name.where(use = 'official')\", method: keep}"),
                patient());

        assertThat(result.getName()).singleElement().satisfies(name -> {
            assertThat(name.getFamily()).isEqualTo("Hoxha");
            assertThat(name.hasUse()).isFalse();
        });
    }

    @Test
    void neverModifiesTheInput() {
        Patient input = patient();
        String before = json(input);

        run(engine("{path: Patient.birthDate, method: dateShift}", "{path: Patient.id, method: cryptoHash}"), input);

        assertThat(json(input)).isEqualTo(before);
    }

    @Test
    void returnsANewResourceSharingNothingWithTheInput() {
        Patient input = patient();
        Patient result = run(engine("{path: Patient, method: keep}"), input);

        result.getNameFirstRep().setFamily("changed");
        result.getBirthDateElement().setValueAsString("2000-01-01");

        assertThat(input.getNameFirstRep().getFamily()).isEqualTo("Hoxha");
        assertThat(input.getBirthDateElement().getValueAsString()).isEqualTo("1990-04-05");
    }

    @Test
    void keepOfTheWholeResourceReproducesIt() {
        Patient input = patient();
        input.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">text</div>");
        input.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);

        Patient result = run(engine("{path: Patient, method: keep}"), input);

        assertThat(json(result)).isEqualTo(json(input));
    }

    @ParameterizedTest
    @FieldSource("org.safeguardfhir.deidentification.Fixtures#FILES")
    void keepOfEveryResourceReproducesEachFixtureExactly(String file) {
        Resource input = Fixtures.resource(file);

        assertThat(json(run(engine("{path: Resource, method: keep}"), input))).isEqualTo(json(input));
    }

    @Test
    void rulesApplyOnlyToTheirResourceType() {
        Deidentifier engine =
                engine("{path: Task.status, method: keep}", "{resource: Patient, path: gender, method: keep}");

        assertThat(run(engine, patient()).hasGender()).isTrue();
        assertThat(run(engine, new Task().setStatus(Task.TaskStatus.READY)).hasStatus())
                .isTrue();
        assertThat(run(engine, new Observation().setStatus(Observation.ObservationStatus.FINAL))
                        .hasStatus())
                .isFalse();
    }

    @Test
    void resourcePrefixAppliesToEveryType() {
        Deidentifier engine = engine("{path: Resource.id, method: keep}");

        assertThat(run(engine, patient()).getIdElement().getIdPart()).isEqualTo("p1");
        assertThat(run(engine, (Task) new Task().setId("t1")).getIdElement().getIdPart())
                .isEqualTo("t1");
    }

    @Test
    void choiceNamesWorkInsideBackboneElements() {
        Observation observation = new Observation();
        observation.addComponent().setValue(new Quantity(120).setUnit("mm[Hg]"));

        Observation result = run(engine("{path: Observation.component.valueQuantity, method: keep}"), observation);

        assertThat(result.getComponentFirstRep().getValueQuantity().getUnit()).isEqualTo("mm[Hg]");
    }

    @Test
    void typeSuffixedChoiceNamesSelectThatChoice() {
        Observation observation = new Observation().setValue(new Quantity(72.5).setUnit("kg"));

        Observation result = run(engine("{path: Observation.valueQuantity.value, method: keep}"), observation);
        Observation other = run(engine("{path: Observation.valueString, method: keep}"), observation);

        assertThat(result.getValueQuantity().getValue()).isEqualByComparingTo("72.5");
        assertThat(result.getValueQuantity().hasUnit()).isFalse();
        assertThat(other.hasValue()).isFalse();
    }

    @Test
    void standardChoiceNamesStillWork() {
        Observation observation = new Observation().setValue(new StringType("free text"));

        Observation result = run(engine("{path: Observation.value, method: keep}"), observation);

        assertThat(result.getValueStringType().getValue()).isEqualTo("free text");
    }

    @Test
    void nodesByTypeSelectsEveryNodeOfThatType() {
        Patient result = run(engine("{path: \"nodesByType('date')\", method: keep}"), patient());

        assertThat(result.getBirthDateElement().getValueAsString()).isEqualTo("1990-04-05");
        assertThat(result.hasName()).isFalse();
    }

    @Test
    void nodesByNameSelectsEveryNodeOfThatNameAtAnyDepth() {
        Patient result = run(
                engine("{path: \"nodesByName('given')\", method: redact}", "{path: Patient, method: keep}"), patient());

        assertThat(result.getName())
                .allSatisfy(name -> assertThat(name.hasGiven()).isFalse());
        assertThat(result.getNameFirstRep().getFamily()).isEqualTo("Hoxha");
        assertThat(result.getAddressFirstRep().getCity()).isEqualTo("Leeds");
    }

    @Test
    void extensionsAreKeptOnlyWithTheirContent() {
        Patient input = patient();
        input.addExtension("https://example.org/a", new StringType("kept"));
        input.addExtension("https://example.org/b", new DateType("2020-01-01"));

        Patient result =
                run(engine("{path: \"Patient.extension('https://example.org/a').value\", method: keep}"), input);

        assertThat(result.getExtension()).singleElement().satisfies(extension -> {
            assertThat(extension.getUrl()).isEqualTo("https://example.org/a");
            assertThat(extension.getValue().primitiveValue()).isEqualTo("kept");
        });
    }
}
