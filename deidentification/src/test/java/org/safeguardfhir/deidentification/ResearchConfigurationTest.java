package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.CLOCK;
import static org.safeguardfhir.deidentification.Engines.key;
import static org.safeguardfhir.deidentification.Fixtures.PATIENT_REFERENCE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;

class ResearchConfigurationTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SAFEGUARD_DEID_HASH_KEY", key("research hash"),
            "SAFEGUARD_DEID_DATE_SHIFT_KEY", key("research dates"));

    private final Deidentifier research = new Deidentifier(Fixtures.shipped("research"), ENVIRONMENT::get, CLOCK);

    @Test
    void loads() {
        DeidentificationConfig config = Fixtures.shipped("research");

        assertThat(config.name()).isEqualTo("research");
        assertThat(config.parameters().dateShiftRangeDays()).isEqualTo(50);
    }

    @ParameterizedTest
    @FieldSource("org.safeguardfhir.deidentification.Fixtures#FILES")
    void leavesNoDirectIdentifierAnywhereInTheOutput(String file) {
        Fixtures.assertNoIdentifyingValueSurvives(research, file);
    }

    @Test
    void keepsCodesAndShiftsClinicalDatesByThePatientsOffset() {
        Observation observation =
                (Observation) research.deidentify(Fixtures.resource("Observation-score.json"), PATIENT_REFERENCE);
        Condition condition =
                (Condition) research.deidentify(Fixtures.resource("Condition-concern.json"), PATIENT_REFERENCE);

        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("raft-score");
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(4);
        assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("T74.51XA");
        assertThat(condition.getCode().hasText()).isFalse();
        assertThat(condition.getRecordedDateElement().getValueAsString()).isEqualTo("2026-05");

        long observationShift =
                days("2026-05-14", observation.getEffectiveDateTimeType().getValueAsString());
        long conditionShift =
                days("2025-12-01", condition.getOnsetDateTimeType().getValueAsString());
        assertThat(observationShift).isNotZero().isEqualTo(conditionShift);
        assertThat(observation.getSubject().getReference())
                .isEqualTo(condition.getSubject().getReference())
                .matches("Patient/[0-9a-f]{64}");
    }

    private static long days(String original, String shifted) {
        return ChronoUnit.DAYS.between(LocalDate.parse(original), LocalDate.parse(shifted.substring(0, 10)));
    }
}
