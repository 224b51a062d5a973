package org.safeguardfhir.routes.screening;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the server concludes from one screen: the outcome it trusts, whether adult or child rules apply (and whether
 * anything showed the age), the suspected forms of exploitation, the patient's consent answers, the findings that
 * change the rules or raise instruction Flags, and the interpreting to book again. It is everything referral planning
 * needs, so that planning never has to read a QuestionnaireResponse itself.
 */
public record ScreeningAssessment(
        ScreeningOutcome outcome,
        AgeFinding age,
        Set<ExploitationType> exploitation,
        ConsentAnswers consent,
        Set<ScreeningFinding> findings,
        Optional<InterpreterNeed> interpreter) {

    public ScreeningAssessment {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(interpreter, "interpreter");
        // EnumSet copies keep the enum order that callers rely on; Set.copyOf would not.
        exploitation = exploitation.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(exploitation));
        findings = findings.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(findings));
        if (age.established() == findings.contains(ScreeningFinding.AGE_TO_ESTABLISH)) {
            throw new IllegalArgumentException("AGE_TO_ESTABLISH is the finding of an age not established");
        }
    }

    public AgeGroup ageGroup() {
        return age.group();
    }

    public boolean has(ScreeningFinding finding) {
        return findings.contains(finding);
    }

    /** Whether sexual exploitation is suspected, the only case for the SDV label. */
    public boolean sexualExploitationSuspected() {
        return exploitation.contains(ExploitationType.SEXUAL);
    }
}
