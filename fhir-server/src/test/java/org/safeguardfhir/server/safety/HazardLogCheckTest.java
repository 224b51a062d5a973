package org.safeguardfhir.server.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.YAMLException;

/** Each check of the hazard log fails on a log broken in its way, and passes the same log unbroken. */
class HazardLogCheckTest {

    static final String KNOWN_TEST = "some-module:org.example.SomeTest#provesTheControl";

    /** Only the one test above exists. */
    static final TestMethods TESTS =
            reference -> reference.toString().equals(KNOWN_TEST) ? Optional.empty() : Optional.of("no such test");

    static final String VALID =
            """
            hazards:
              - id: H01
                hazard: The hazard
                cause: The cause
                effect: The effect
                initial: {severity: major, likelihood: medium, risk: 3}
                controls:
                  - description: The control
                    tests:
                      - some-module:org.example.SomeTest#provesTheControl
                residual: {severity: major, likelihood: very-low, risk: 2}
                status: mitigated
              - id: H02
                hazard: Another hazard
                cause: Another cause
                effect: Another effect
                initial: {severity: catastrophic, likelihood: high, risk: 5}
                controls:
                  - description: Another control
                    tests:
                      - some-module:org.example.SomeTest#provesTheControl
                residual: {severity: catastrophic, likelihood: low, risk: 4}
                status: open
                open-because: Nothing proves the rest yet
            """;

    @Test
    void aCompleteLogHasNoProblem() {
        var check = HazardLogCheck.parse(VALID);

        assertThat(check.fields()).isEmpty();
        assertThat(check.risks()).isEmpty();
        assertThat(check.controls(TESTS)).isEmpty();
        assertThat(check.ids()).isEmpty();
        assertThat(check.statuses()).isEmpty();
        assertThat(check.count(2)).isEmpty();
        assertThat(check.standings())
                .containsExactly(
                        Map.entry("H01", new HazardLogCheck.Standing("mitigated", 2)),
                        Map.entry("H02", new HazardLogCheck.Standing("open", 4)));
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        var check = HazardLogCheck.parse(VALID.replace("    effect: The effect\n", ""));

        assertThat(check.fields()).containsExactly("H01 has no effect");
    }

    @Test
    void anUnknownOrMisspeltFieldIsReported() {
        var check = HazardLogCheck.parse(VALID.replace("open-because:", "open_because:"));

        assertThat(check.fields()).anySatisfy(p -> assertThat(p).startsWith("H02 has an unknown field 'open_because'"));
    }

    @Test
    void anEmptyTextIsReported() {
        var check = HazardLogCheck.parse(VALID.replace("cause: The cause", "cause: ''"));

        assertThat(check.fields()).containsExactly("H01: cause must be text");
    }

    @Test
    void anUnknownSeverityOrLikelihoodIsReported() {
        var check = HazardLogCheck.parse(
                VALID.replace("severity: major, likelihood: medium", "severity: serious, likelihood: often"));

        assertThat(check.fields())
                .containsExactly(
                        "H01: initial severity 'serious' is not one of " + Severity.codes(),
                        "H01: initial likelihood 'often' is not one of " + Likelihood.codes());
    }

    @Test
    void anAssessmentWithoutItsRiskIsReported() {
        var check = HazardLogCheck.parse(VALID.replace(", likelihood: very-low, risk: 2}", ", likelihood: very-low}"));

        assertThat(check.fields()).containsExactly("H01: residual has no risk");
    }

    @Test
    void anUnknownStatusOrAMalformedIdIsReported() {
        var check = HazardLogCheck.parse(
                VALID.replace("status: mitigated", "status: closed").replace("H02", "H2"));

        assertThat(check.fields())
                .anySatisfy(p -> assertThat(p).startsWith("H01: unknown status 'closed'"))
                .contains("H2: an id is H followed by two or more digits");
    }

    @Test
    void aRiskOtherThanTheMatrixValueIsReported() {
        var check =
                HazardLogCheck.parse(VALID.replace("likelihood: very-low, risk: 2", "likelihood: very-low, risk: 1"));

        assertThat(check.risks())
                .containsExactly("H01: residual risk is 1, but the DCB0129 matrix gives 2 for major and very-low");
    }

    @Test
    void aResidualRiskAboveTheInitialRiskIsReported() {
        var check = HazardLogCheck.parse(VALID.replace(
                "residual: {severity: major, likelihood: very-low, risk: 2}",
                "residual: {severity: major, likelihood: high, risk: 4}"));

        assertThat(check.risks()).containsExactly("H01: the residual risk is higher than the initial risk");
    }

    @Test
    void aHazardWithoutControlsIsReported() {
        var check = HazardLogCheck.parse(VALID.replace(
                "    controls:\n      - description: The control\n        tests:\n          - " + KNOWN_TEST + "\n",
                "    controls: []\n"));

        assertThat(check.controls(TESTS)).containsExactly("H01 has no control");
    }

    @Test
    void aControlWithoutTestsIsReported() {
        var check = HazardLogCheck.parse(VALID.replace(
                "tests:\n          - " + KNOWN_TEST + "\n    residual: {severity: major",
                "tests: []\n    residual: {severity: major"));

        assertThat(check.controls(TESTS))
                .containsExactly("H01 controls[0] names no test: every control must name the tests that prove it");
    }

    @Test
    void aTestReferenceThatNamesNoTestIsReportedWithTheReason() {
        var check = HazardLogCheck.parse(VALID.replace(
                "#provesTheControl\n    residual: {severity: catastrophic",
                "#provesNothing\n    residual: {severity: catastrophic"));

        assertThat(check.controls(TESTS))
                .containsExactly(
                        "H02 controls[0].tests[0] some-module:org.example.SomeTest#provesNothing: no such test");
    }

    @Test
    void aTestReferenceOfAnotherFormIsReported() {
        var check = HazardLogCheck.parse(VALID.replace(
                "- some-module:org.example.SomeTest#provesTheControl\n    residual: {severity: major",
                "- SomeTest.provesTheControl\n    residual: {severity: major"));

        assertThat(check.controls(TESTS))
                .containsExactly("H01 controls[0].tests[0] SomeTest.provesTheControl"
                        + " is not of the form module:fully.qualified.ClassName#methodName");
    }

    @Test
    void aDuplicatedIdIsReported() {
        var check = HazardLogCheck.parse(VALID.replace("H02", "H01"));

        assertThat(check.ids()).containsExactly("H01 is the id of 2 hazards");
    }

    @Test
    void anOpenHazardThatDoesNotSayWhyIsReported() {
        var check = HazardLogCheck.parse(VALID.replace("    open-because: Nothing proves the rest yet\n", ""));

        assertThat(check.statuses()).containsExactly("H02 is open but does not say why (open-because)");
    }

    @Test
    void anAcceptedHazardThatDoesNotSayWhyIsReported() {
        var check = HazardLogCheck.parse(VALID.replace("status: mitigated", "status: accepted"));

        assertThat(check.statuses()).containsExactly("H01 is accepted but does not say why (accepted-because)");
    }

    @Test
    void aReasonForAStatusTheHazardDoesNotHaveIsReported() {
        var check = HazardLogCheck.parse(VALID.replace("status: open", "status: mitigated"));

        assertThat(check.statuses()).contains("H02 has open-because but is mitigated");
    }

    @Test
    void aMitigatedHazardWhoseResidualRiskStillNeedsADecisionIsReported() {
        var check = HazardLogCheck.parse(VALID.replace(
                "residual: {severity: major, likelihood: very-low, risk: 2}",
                "residual: {severity: major, likelihood: low, risk: 3}"));

        assertThat(check.statuses())
                .containsExactly("H01 is mitigated with residual risk 3: a risk above 2 is open, or accepted with its"
                        + " reason");
    }

    @Test
    void anAcceptedRiskOfFourIsReported() {
        var check = HazardLogCheck.parse(
                VALID.replace("status: open", "status: accepted").replace("open-because:", "accepted-because:"));

        assertThat(check.statuses())
                .containsExactly(
                        "H02 is accepted with residual risk 4: a risk above 3 cannot be accepted and stays open");
    }

    @Test
    void fewerHazardsThanTheMinimumAreReported() {
        var check = HazardLogCheck.parse(VALID);

        assertThat(check.count(3)).containsExactly("the log holds 2 hazards, fewer than the minimum of 3");
    }

    @Test
    void aLogOfAnotherShapeIsReported() {
        assertThat(HazardLogCheck.parse("- id: H01").fields())
                .containsExactly("the log must be a mapping whose 'hazards' is a list");
        assertThat(HazardLogCheck.parse("hazards:\n  - just text").fields())
                .containsExactly("hazard #1 is not a mapping of fields");
    }

    @Test
    void aFieldGivenTwiceFailsToLoadRatherThanKeepingTheLast() {
        assertThatThrownBy(() ->
                        HazardLogCheck.parse(VALID.replace("status: mitigated", "status: open\n    status: mitigated")))
                .isInstanceOf(YAMLException.class);
    }
}
