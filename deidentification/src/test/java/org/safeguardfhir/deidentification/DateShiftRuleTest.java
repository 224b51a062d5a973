package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.run;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class DateShiftRuleTest {

    private final Deidentifier engine = engine(
            "{path: Patient.birthDate, method: dateShift}",
            "{path: Observation.effective, method: dateShift}",
            "{path: Observation.issued, method: dateShift}",
            "{path: Task.authoredOn, method: dateShift}",
            "{path: Task.executionPeriod, method: dateShift}");

    @Test
    void shiftsEveryDateOfOnePatientByTheSameOffsetAcrossResources() {
        Patient patient = (Patient)
                new Patient().setBirthDateElement(new DateType("1990-04-05")).setId("p1");
        Observation observation = new Observation().setEffective(new DateTimeType("2026-02-10"));
        Task task = new Task().setAuthoredOnElement(new DateTimeType("2026-03-01T09:30:00+01:00"));

        long patientShift = shift("1990-04-05", run(engine, patient).getBirthDateElement());
        long observationShift =
                shift("2026-02-10", run(engine, observation, "Patient/p1").getEffectiveDateTimeType());
        long taskShift = shift("2026-03-01", run(engine, task, "Patient/p1").getAuthoredOnElement());

        assertThat(patientShift).isNotZero().isBetween(-50L, 50L);
        assertThat(observationShift).isEqualTo(patientShift);
        assertThat(taskShift).isEqualTo(patientShift);
    }

    @Test
    void shiftsDifferentPatientsByDifferentOffsets() {
        Observation observation = new Observation().setEffective(new DateTimeType("2026-02-10"));
        Set<Long> offsets = new HashSet<>();

        for (int i = 0; i < 40; i++) {
            long offset =
                    shift("2026-02-10", run(engine, observation, "Patient/" + i).getEffectiveDateTimeType());
            assertThat(offset).isNotZero().isBetween(-50L, 50L);
            offsets.add(offset);
        }

        // 40 patients over 100 possible offsets: all the same, or only a handful, would mean the scope is ignored.
        assertThat(offsets).hasSizeGreaterThan(20);
        assertThat(offsets).anyMatch(o -> o < 0).anyMatch(o -> o > 0);
    }

    @Test
    void keepsOnlyTheDateOfADateTime() {
        Task task = new Task().setAuthoredOnElement(new DateTimeType("2026-03-01T23:30:00-05:00"));

        DateTimeType shifted = run(engine, task, "Patient/p1").getAuthoredOnElement();

        assertThat(shifted.getValueAsString()).hasSize(10);
        assertThat(labels(run(engine, task, "Patient/p1"))).containsExactly("ABSTRED");
    }

    @Test
    void shiftsAnInstantToMidnightOfItsShiftedDate() {
        Observation observation = new Observation().setIssuedElement(new InstantType("2026-02-10T14:21:09.123Z"));

        InstantType shifted = run(engine, observation, "Patient/p1").getIssuedElement();

        assertThat(shifted.getValueAsString()).endsWith("T00:00:00Z");
        assertThat(shift("2026-02-10", shifted)).isNotZero();
    }

    @Test
    void shiftsTheDatesInsideACoveredPeriod() {
        Task task = new Task()
                .setExecutionPeriod(new Period()
                        .setStartElement(new DateTimeType("2026-01-01"))
                        .setEndElement(new DateTimeType("2026-01-31")));

        Period shifted = run(engine, task, "Patient/p1").getExecutionPeriod();

        assertThat(ChronoUnit.DAYS.between(date(shifted.getStartElement()), date(shifted.getEndElement())))
                .isEqualTo(30);
    }

    @Test
    void removesPartialDates() {
        Patient yearOnly = new Patient().setBirthDateElement(new DateType("1990"));
        Patient yearAndMonth = new Patient().setBirthDateElement(new DateType("1990-04"));

        assertThat(run(engine, yearOnly, "Patient/p1").hasBirthDate()).isFalse();
        assertThat(run(engine, yearAndMonth, "Patient/p1").hasBirthDate()).isFalse();
        assertThat(labels(run(engine, yearOnly, "Patient/p1"))).containsExactly("REDACTED");
    }

    @Test
    void usesAPatientsOwnReferenceAsItsDefaultScope() {
        Patient patient = (Patient)
                new Patient().setBirthDateElement(new DateType("1990-04-05")).setId("p1");

        assertThat(run(engine, patient).getBirthDateElement().getValueAsString())
                .isEqualTo(
                        run(engine, patient, "Patient/p1").getBirthDateElement().getValueAsString());
    }

    @Test
    void refusesToShiftWithoutAPatientScope() {
        Observation observation = new Observation().setEffective(new DateTimeType("2026-02-10"));

        assertThatThrownBy(() -> engine.deidentify(observation, null))
                .isInstanceOf(DeidentificationException.class)
                .hasMessageContaining("patient scope");
    }

    private static long shift(String original, org.hl7.fhir.r4.model.BaseDateTimeType shifted) {
        return ChronoUnit.DAYS.between(LocalDate.parse(original), date(shifted));
    }

    private static LocalDate date(org.hl7.fhir.r4.model.BaseDateTimeType value) {
        return LocalDate.parse(value.getValueAsString().substring(0, 10));
    }
}
