package org.safeguardfhir.deidentification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

    private static final String HEADER =
            """
            version: 1
            parameters:
              dateShiftKey: {env: DATE_KEY}
              cryptoHashKey: {env: HASH_KEY}
              encryptKey: {env: ENCRYPT_KEY}
            rules:
              - {path: Task.status, method: keep}
            """;

    @Test
    void acceptsAValidConfiguration() {
        DeidentificationConfig config = load(HEADER + "  - {path: Task.for, method: cryptoHash}\n");

        assertThat(config.rules()).extracting(Rule::method).containsExactly(Method.KEEP, Method.CRYPTO_HASH);
        assertThat(config.rules().get(1).resourceType()).isEqualTo("Task");
    }

    @Test
    void loadsTheIssueExampleOnceEncryptTargetsTextRatherThanAFixedCode() {
        String example =
                """
                version: 1
                name: dashboard
                parameters:
                  dateShiftKey: {env: SAFEGUARD_DEID_DATE_SHIFT_KEY}
                  dateShiftRangeDays: 50
                  cryptoHashKey: {env: SAFEGUARD_DEID_HASH_KEY}
                  encryptKey: {env: SAFEGUARD_DEID_ENCRYPT_KEY}
                rules:
                  - {resource: Task, path: Task.status, method: keep}
                  - {path: Task.for, method: cryptoHash}
                  - {path: Patient.birthDate, method: generalize, to: ageBand, bands: [0, 16, 18, 25, 35, 45, 55, 65]}
                  - {path: Task.authoredOn, method: generalize, to: month}
                  - {path: Patient.address.postalCode, method: generalize, to: postcodeDistrict}
                  - {path: Observation.valueQuantity.value, method: perturb, span: 5, rangeType: fixed, roundTo: 0}
                  - {path: Task.note, method: redact}
                  - {path: Task.description, method: substitute, value: "withheld"}
                  - {path: Task.intent, method: encrypt}
                """;

        assertThatThrownBy(() -> load(example))
                .hasMessageStartingWith("rules[8] (Task.intent): encrypt cannot be applied");
        assertThat(load(example.replace("Task.intent, method: encrypt", "Task.businessStatus.text, method: encrypt"))
                        .rules())
                .hasSize(9);
    }

    @Test
    void keepsARealElementThatLooksLikeAChoiceName() {
        DeidentificationConfig config = load(HEADER + "  - {path: Device.property.valueQuantity, method: keep}\n");

        assertThat(config.rules().get(1).resourceType()).isEqualTo("Device");
    }

    @Test
    void readsARelativePathForEveryResourceType() {
        DeidentificationConfig config = load(HEADER + "  - {resource: Resource, path: meta.security, method: keep}\n");

        assertThat(config.rules().get(1).resourceType()).isNull();
    }

    @Test
    void rejectsAnUnknownFormatVersion() {
        assertThatThrownBy(() -> load(HEADER.replace("version: 1", "version: 2")))
                .isInstanceOf(DeidentificationConfigException.class)
                .hasMessageContaining("unsupported configuration version 2");
    }

    @Test
    void rejectsAMissingFormatVersion() {
        assertThatThrownBy(() -> load(HEADER.replace("version: 1\n", "")))
                .hasMessageContaining("unsupported configuration version (missing)");
    }

    @Test
    void rejectsAnUnknownMethod() {
        rejected("{path: Task.description, method: scramble}", "Task.description")
                .hasMessageContaining("unknown method 'scramble'");
    }

    @Test
    void rejectsARuleWithoutAMethod() {
        rejected("{path: Task.description}", "Task.description").hasMessageContaining("needs a method");
    }

    @Test
    void rejectsAnUnknownKeyInARule() {
        rejected("{path: Task.description, method: redact, span: 3}", "Task.description")
                .hasMessageContaining("unknown key 'span'");
    }

    @Test
    void rejectsARuleWithoutAPath() {
        rejected("{method: redact}", "no path").hasMessageContaining("needs a path");
    }

    @Test
    void rejectsAPathThatDoesNotParse() {
        rejected("{path: \"Task.note.where(\", method: redact}", "Task.note.where(")
                .hasMessageContaining("does not parse");
    }

    @Test
    void rejectsAnUnknownResourceTypeInThePath() {
        rejected("{path: Referral.status, method: keep}", "Referral.status")
                .hasMessageContaining("unknown resource type 'Referral'");
    }

    @Test
    void rejectsAnUnknownResourceTypeInResource() {
        rejected("{resource: Referral, path: status, method: keep}", "status")
                .hasMessageContaining("unknown resource type 'Referral'");
    }

    @Test
    void rejectsAPathWithoutAResourceTypeOrResource() {
        rejected("{path: status, method: keep}", "status").hasMessageContaining("needs 'resource: <Type>'");
    }

    @Test
    void rejectsAResourceThatContradictsThePath() {
        rejected("{resource: Patient, path: Task.status, method: keep}", "Task.status")
                .hasMessageContaining("does not match");
    }

    @Test
    void rejectsAMisspeltElement() {
        rejected("{path: Patient.birthDat, method: keep}", "Patient.birthDat").hasMessageContaining("birthDat");
    }

    @Test
    void rejectsAPathThatComputesAValue() {
        rejected("{path: Patient.name.exists(), method: keep}", "Patient.name.exists()")
                .hasMessageContaining("computes a value");
    }

    @Test
    void rejectsAMethodOnATypeItCannotHandle() {
        rejected("{path: Patient.gender, method: dateShift}", "Patient.gender")
                .hasMessageContaining("dateShift cannot be applied to code");
        rejected("{path: Patient.active, method: cryptoHash}", "Patient.active")
                .hasMessageContaining("cryptoHash cannot be applied to boolean");
        rejected("{path: Patient.gender, method: perturb, span: 1}", "Patient.gender")
                .hasMessageContaining("perturb cannot be applied to code");
        rejected("{path: Patient.id, method: encrypt}", "Patient.id")
                .hasMessageContaining("encrypt cannot be applied to id");
    }

    @Test
    void rejectsHashingOrEncryptingACodeFromARequiredValueSet() {
        rejected("{path: Task.intent, method: encrypt}", "Task.intent").hasMessageContaining("required value set");
        rejected("{path: Task.intent, method: cryptoHash}", "Task.intent").hasMessageContaining("required value set");
    }

    @Test
    void rejectsCoarseningAnInstantWhichMustKeepItsTime() {
        rejected("{path: Task.meta.lastUpdated, method: generalize, to: month}", "Task.meta.lastUpdated")
                .hasMessageContaining("generalize (to: month) cannot be applied to instant");
    }

    @Test
    void rejectsAgeBandsOnSomethingOtherThanADate() {
        rejected("{path: Patient.gender, method: generalize, to: ageBand, bands: [0, 18]}", "Patient.gender")
                .hasMessageContaining("cannot be applied to code");
    }

    @Test
    void rejectsGeneralizeWithoutTo() {
        rejected("{path: Task.authoredOn, method: generalize}", "Task.authoredOn")
                .hasMessageContaining("generalize needs to");
    }

    @Test
    void rejectsAnUnknownGeneralization() {
        rejected("{path: Task.authoredOn, method: generalize, to: decade}", "Task.authoredOn")
                .hasMessageContaining("unknown generalize to 'decade'");
    }

    @Test
    void rejectsAgeBandsWithoutBands() {
        rejected("{path: Patient.birthDate, method: generalize, to: ageBand}", "Patient.birthDate")
                .hasMessageContaining("needs bands");
    }

    @Test
    void rejectsBandsThatAreNotAscending() {
        rejected("{path: Patient.birthDate, method: generalize, to: ageBand, bands: [0, 18, 16]}", "Patient.birthDate")
                .hasMessageContaining("strictly ascending, but 16 follows 18");
    }

    @Test
    void rejectsBandsOnAnotherGeneralization() {
        rejected("{path: Patient.birthDate, method: generalize, to: year, bands: [0, 18]}", "Patient.birthDate")
                .hasMessageContaining("'bands' only goes with to: ageBand");
    }

    @Test
    void rejectsCasesThatDoNotParse() {
        rejected(
                        "{path: Patient.gender, method: generalize, cases: [{when: \"$this = \", then: \"'x'\"}]}",
                        "Patient.gender")
                .hasMessageContaining("does not parse");
    }

    @Test
    void rejectsSubstituteWithoutValue() {
        rejected("{path: Task.description, method: substitute}", "Task.description")
                .hasMessageContaining("substitute needs value");
    }

    @Test
    void rejectsASubstituteValueTheElementCannotHold() {
        rejected("{path: Task.status, method: substitute, value: withheld}", "Task.status")
                .hasMessageContaining("not a valid code");
        rejected("{path: Task.authoredOn, method: substitute, value: yesterday}", "Task.authoredOn")
                .hasMessageContaining("not a valid dateTime");
    }

    @Test
    void rejectsPerturbWithoutSpan() {
        rejected("{path: Observation.valueQuantity.value, method: perturb}", "Observation.valueQuantity.value")
                .hasMessageContaining("perturb needs span");
    }

    @Test
    void rejectsANegativeSpanAndAnUnknownRangeType() {
        rejected("{path: Observation.valueInteger, method: perturb, span: -1}", "Observation.valueInteger")
                .hasMessageContaining("'span' must be a number of at least 0");
        rejected(
                        "{path: Observation.valueInteger, method: perturb, span: 1, rangeType: wide}",
                        "Observation.valueInteger")
                .hasMessageContaining("'rangeType' must be fixed or proportional");
    }

    @Test
    void rejectsAMethodWhoseKeyIsNotConfigured() {
        String withoutHashKey = HEADER.replace("  cryptoHashKey: {env: HASH_KEY}\n", "");

        assertThatThrownBy(() -> load(withoutHashKey + "  - {path: Task.for, method: cryptoHash}\n"))
                .hasMessageContaining("rules[1] (Task.for)")
                .hasMessageContaining("needs parameters.cryptoHashKey");
    }

    @Test
    void rejectsAnUnknownNodesByType() {
        rejected("{path: \"nodesByType('postcode')\", method: redact}", "nodesByType('postcode')")
                .hasMessageContaining("unknown FHIR type 'postcode'");
    }

    @Test
    void rejectsAnUnknownTopLevelKeyOrParameter() {
        assertThatThrownBy(() -> load(HEADER + "rule: []\n")).hasMessageContaining("unknown key 'rule'");
        assertThatThrownBy(() -> load(HEADER.replace("parameters:\n", "parameters:\n  saltKey: {env: SALT}\n")))
                .hasMessageContaining("parameters: unknown key 'saltKey'");
    }

    @Test
    void rejectsADateShiftRangeOutsideOneDayToTenYears() {
        assertThatThrownBy(() -> load(HEADER.replace("parameters:\n", "parameters:\n  dateShiftRangeDays: 0\n")))
                .hasMessageContaining("dateShiftRangeDays");
    }

    @Test
    void rejectsMalformedYamlAndDuplicateKeys() {
        assertThatThrownBy(() -> load("version: 1\nrules: [\n"))
                .isInstanceOf(DeidentificationConfigException.class)
                .hasMessageContaining("not valid YAML or JSON");
        assertThatThrownBy(() -> load(HEADER + "  - {path: Task.note, method: keep, method: redact}\n"))
                .hasMessageContaining("Duplicate field 'method'");
    }

    @Test
    void readsJsonWithTheSameSchema() {
        DeidentificationConfig config = load(
                """
                {"version": 1, "name": "json",
                 "rules": [{"path": "Task.status", "method": "keep"},
                           {"path": "Task.authoredOn", "method": "generalize", "to": "month"}]}
                """);

        assertThat(config.name()).isEqualTo("json");
        assertThat(config.rules()).hasSize(2);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejected(String rule, String path) {
        return assertThatThrownBy(() -> load(HEADER + "  - " + rule + "\n"))
                .isInstanceOf(DeidentificationConfigException.class)
                .hasMessageStartingWith("rules[1] (" + path + ")");
    }

    private static DeidentificationConfig load(String yaml) {
        return DeidentificationConfig.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
