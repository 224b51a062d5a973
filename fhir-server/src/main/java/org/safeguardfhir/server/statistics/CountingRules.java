package org.safeguardfhir.server.statistics;

import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.safeguardfhir.terminology.Canonicals;

/**
 * What the statistics count as a referral, and as a suspicion.
 *
 * <p>A referral is a referral Task whose pathway was actually used: {@code in-progress} or {@code completed}, with a
 * business status that says it was sent ({@code referred}, {@code acknowledged}, {@code closed-referred}). A Task the
 * pipeline planned but nobody has sent yet ({@code requested}, {@code on-hold} awaiting consent), one that was
 * cancelled, rejected or declined by the patient, or closed with no further action, is not a referral. Nor, whatever
 * its state, is the safeguarding lead's own work: the review Task (pathway {@code designated-safeguarding-lead}) and
 * the lead's Tasks to consider a statutory duty ({@code duty-to-notify}, {@code duty-to-avert}).
 *
 * <p>A suspected-trafficking Condition counts unless it was refuted (by the lead or by an amendment) or entered in
 * error.
 */
final class CountingRules {

    static final String PATHWAY_SYSTEM = Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY);
    static final String BUSINESS_STATUS_SYSTEM = Canonicals.codeSystem(Canonicals.REFERRAL_BUSINESS_STATUS);
    static final String VERIFICATION_STATUS_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    static final Set<TaskStatus> SENT_STATUSES = Set.of(TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
    static final Set<String> SENT_BUSINESS_STATUSES = Set.of("referred", "acknowledged", "closed-referred");

    /**
     * The lead's own Tasks. Matched on the code alone, in any code system, so that the lead's Tasks to consider a duty
     * are left out whichever system names them.
     */
    static final Set<String> LEAD_TASK_CODES =
            Set.of("designated-safeguarding-lead", "duty-to-notify", "duty-to-avert");

    static final Set<String> WITHDRAWN_VERIFICATION = Set.of("refuted", "entered-in-error");

    private CountingRules() {}

    /** The pathway of a referral Task that counts as a referral sent; empty for every other Task. */
    static Optional<String> sentPathway(Task task) {
        if (!SENT_STATUSES.contains(task.getStatus())
                || !has(task.getBusinessStatus(), BUSINESS_STATUS_SYSTEM, SENT_BUSINESS_STATUSES)
                || task.getCode().getCoding().stream().anyMatch(c -> LEAD_TASK_CODES.contains(c.getCode()))) {
            return Optional.empty();
        }
        return task.getCode().getCoding().stream()
                .filter(c -> PATHWAY_SYSTEM.equals(c.getSystem()))
                .map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank())
                .findFirst();
    }

    /** Whether a suspected-trafficking Condition still stands: neither refuted nor entered in error. */
    static boolean stands(Condition condition) {
        return condition.getVerificationStatus().getCoding().stream()
                .filter(c -> c.getSystem() == null || VERIFICATION_STATUS_SYSTEM.equals(c.getSystem()))
                .noneMatch(c -> WITHDRAWN_VERIFICATION.contains(c.getCode()));
    }

    private static boolean has(CodeableConcept concept, String system, Set<String> codes) {
        return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && codes.contains(c.getCode()));
    }
}
