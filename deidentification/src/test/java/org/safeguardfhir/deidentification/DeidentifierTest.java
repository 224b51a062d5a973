package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Fixtures.engine;
import static org.safeguardfhir.deidentification.Fixtures.rules;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class DeidentifierTest {

    private static Patient patient() {
        var patient = new Patient();
        patient.setId("Patient/123");
        patient.getText()
                .setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div>Ana Lima, 12 Rose St</div>");
        patient.addExtension("https://example.org/nationality", new StringType("Brazilian"));
        patient.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765919");
        patient.addName().setFamily("Lima").addGiven("Ana");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("2004-03-09"));
        patient.addAddress()
                .setLine(java.util.List.of(new StringType("12 Rose St")))
                .setPostalCode("SW1A 1AA");
        var contained = new Patient();
        contained.setId("#p2");
        contained.addName().setFamily("Other");
        patient.addContained(contained);
        return patient;
    }

    @Test
    void whatNoRuleKeepsIsLeftOutNarrativeExtensionsIdentifiersAndContainedIncluded() {
        var out = engine(rules("{path: Patient.gender, method: keep}")).deidentify(patient(), null);

        assertThat(out.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(out.hasText()).isFalse();
        assertThat(out.hasExtension()).isFalse();
        assertThat(out.hasIdentifier()).isFalse();
        assertThat(out.hasContained()).isFalse();
        assertThat(out.hasName() || out.hasAddress() || out.hasBirthDate() || out.hasIdElement())
                .isFalse();
        assertThat(labels(out)).containsExactly("REDACTED");
    }

    @Test
    void aRuleCoversEverythingInsideWhatItSelectsAndTheEarliestRuleWins() {
        var kept = engine(rules("{path: Patient.name, method: keep}")).deidentify(patient(), null);
        assertThat(kept.getNameFirstRep().getFamily()).isEqualTo("Lima");
        assertThat(kept.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ana");

        var redactedFirst = engine(
                        rules("{path: Patient.name.family, method: redact}", "{path: Patient.name, method: keep}"))
                .deidentify(patient(), null);
        assertThat(redactedFirst.getNameFirstRep().hasFamily()).isFalse();
        assertThat(redactedFirst.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ana");

        var keptFirst = engine(
                        rules("{path: Patient.name, method: keep}", "{path: Patient.name.family, method: redact}"))
                .deidentify(patient(), null);
        assertThat(keptFirst.getNameFirstRep().getFamily()).isEqualTo("Lima");
    }

    @Test
    void theInputIsNeverChanged() {
        var patient = patient();
        String before = Fixtures.json(patient);

        engine(rules(
                        "{path: Patient.id, method: cryptoHash}",
                        "{path: Patient.birthDate, method: generalize, to: ageBand}"))
                .deidentify(patient, null);

        assertThat(Fixtures.json(patient)).isEqualTo(before);
    }

    @Test
    void pseudonymsAreStableForOneKeyAndDifferUnderAnother() {
        var config = rules("{path: Task.id, method: cryptoHash}", "{path: Task.for, method: cryptoHash}");
        var task = new Task().setFor(new Reference("Patient/123"));
        task.setId("Task/9");

        var first = engine(config).deidentify(task, "Patient/123");
        var again = engine(config).deidentify(task, "Patient/123");
        var otherKey = engine(config, Map.of("HASH_KEY", Fixtures.ENVIRONMENT.get("OTHER_HASH_KEY")))
                .deidentify(task, "Patient/123");

        assertThat(first.getFor().getReference()).matches("Patient/[0-9a-f]{64}");
        assertThat(first.getIdElement().getIdPart()).matches("[0-9a-f]{64}");
        assertThat(again.getFor().getReference()).isEqualTo(first.getFor().getReference());
        assertThat(otherKey.getFor().getReference()).isNotEqualTo(first.getFor().getReference());
        assertThat(first.getFor().getReference()).doesNotContain("123");
        assertThat(labels(first)).containsExactly("PSEUDED");
    }

    @Test
    void datesOfOnePatientShiftTogetherAndPatientsShiftDifferently() {
        var config = rules(
                "{path: Patient.birthDate, method: dateShift}", "{path: Observation.effective, method: dateShift}");
        var engine = engine(config);
        var observation = new Observation().setEffective(new DateTimeType("2026-11-20T10:45:00Z"));

        var born = engine.deidentify(patient(), "Patient/123")
                .getBirthDateElement()
                .getValue();
        var seen = ((DateTimeType) engine.deidentify(observation, "Patient/123").getEffective()).getValue();
        long shiftBorn = java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.parse("2004-03-09"),
                born.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        long shiftSeen = java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.parse("2026-11-20"),
                seen.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        assertThat(shiftSeen).isEqualTo(shiftBorn);
        assertThat(Math.abs(shiftBorn)).isLessThanOrEqualTo(50);

        var offsets = new HashSet<Long>();
        for (int p = 0; p < 20; p++) {
            var shifted = engine.deidentify(observation, "Patient/" + p).getEffectiveDateTimeType();
            offsets.add(java.time.temporal.ChronoUnit.DAYS.between(
                    java.time.LocalDate.parse("2026-11-20"),
                    shifted.getValue()
                            .toInstant()
                            .atZone(java.time.ZoneOffset.UTC)
                            .toLocalDate()));
        }
        assertThat(offsets).as("twenty patients' offsets").hasSizeGreaterThan(5);

        var partial = new Observation().setEffective(new DateTimeType("2026-11"));
        assertThat(engine.deidentify(partial, "Patient/123").hasEffective())
                .as("a month cannot move by days")
                .isFalse();
    }

    @Test
    void generalizingCoarsensDatesPostcodesAndBirthDates() {
        var config = rules(
                "{path: Task.authoredOn, method: generalize, to: month}",
                "{path: Patient.birthDate, method: generalize, to: ageBand}",
                "{path: Patient.address.postalCode, method: generalize, to: postcodeDistrict}");
        var task = new Task().setAuthoredOnElement(new DateTimeType("2026-11-20T10:45:00Z"));

        assertThat(engine(config).deidentify(task, null).getAuthoredOnElement().getValueAsString())
                .isEqualTo("2026-11");
        var out = engine(config).deidentify(patient(), null);
        assertThat(out.hasBirthDate()).isFalse();
        assertThat(out.getExtensionByUrl(Deidentifier.AGE_BAND_EXTENSION)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("18-24");
        assertThat(out.getAddressFirstRep().getPostalCode()).isEqualTo("SW1A");
        assertThat(out.getAddressFirstRep().hasLine()).isFalse();
        assertThat(labels(out)).contains("ABSTRED", "REDACTED");
    }

    @Test
    void encryptionCanBeReversedOnlyWithTheKey() {
        var config = rules("{path: Task.description, method: encrypt}");
        var task = new Task().setDescription("Seen with a man who said he was her uncle");

        var once = engine(config).deidentify(task, null).getDescription();
        var twice = engine(config).deidentify(task, null).getDescription();

        assertThat(once).isNotEqualTo(twice).doesNotContain("uncle");
        byte[] key = Base64.getDecoder().decode(Fixtures.ENVIRONMENT.get("AES_KEY"));
        assertThat(ValueMethods.decrypt(once, key)).isEqualTo(task.getDescription());
        assertThat(labels(engine(config).deidentify(task, null))).containsExactly("MASKED");
    }

    @Test
    void substitutionAndPerturbationReplaceValues() {
        var task = new Task().setDescription("free text");
        assertThat(engine(rules("{path: Task.description, method: substitute, value: withheld}"))
                        .deidentify(task, null)
                        .getDescription())
                .isEqualTo("withheld");

        var observation = new Observation().setValue(new Quantity().setValue(70).setUnit("kg"));
        var config = rules("{path: Observation.value.value, method: perturb, span: 5, roundTo: 0}");
        for (int i = 0; i < 20; i++) {
            BigDecimal value = engine(config)
                    .deidentify(observation, null)
                    .getValueQuantity()
                    .getValue();
            assertThat(value.doubleValue()).isBetween(65.0, 75.0);
            assertThat(value.scale()).isZero();
        }
    }

    @Test
    void everyLabelTheEngineWritesExistsInTheV3ObservationValueCodeSystem() {
        var support = new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(Fixtures.FHIR);
        var codeSystem = (org.hl7.fhir.r4.model.CodeSystem) support.fetchCodeSystem(Deidentifier.OBSERVATION_VALUE);
        var codes = new HashSet<String>();
        collect(codeSystem.getConcept(), codes);

        assertThat(codes).contains("REDACTED", "PSEUDED", "MASKED", "ABSTRED");
    }

    private static void collect(
            java.util.List<org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent> concepts,
            java.util.Set<String> codes) {
        for (var concept : concepts) {
            codes.add(concept.getCode());
            collect(concept.getConcept(), codes);
        }
    }

    static java.util.List<String> labels(Resource resource) {
        return resource.getMeta().getSecurity().stream()
                .filter(c -> Deidentifier.OBSERVATION_VALUE.equals(c.getSystem()))
                .map(Coding::getCode)
                .toList();
    }
}
