package org.safeguardfhir.routes.referral;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.safeguardfhir.routes.screening.InterpreterNeed;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Referral Tasks: one per planned pathway, updated only while the pipeline still owns them (requested, on hold or
 * cancelled). Once a lead has picked a Task up, a redelivery, an amendment or a change of consent leaves its workflow
 * state alone. A Task the plan no longer calls for is cancelled while it is still open.
 *
 * <p>Inputs carry what the receiver needs before contacting the patient: the lead's review reasons and the
 * professional interpreting to book again (Task.input, type by CodeSystem screening-item or text).
 */
final class ReferralTaskMapper {

    static final String REVIEW_REASON_INPUT = "Lead review reason";

    private static final Set<TaskStatus> PIPELINE_OWNED =
            Set.of(TaskStatus.DRAFT, TaskStatus.REQUESTED, TaskStatus.ONHOLD, TaskStatus.CANCELLED);
    private static final Map<String, String> BUSINESS_STATUS_DISPLAY = Map.of(
            PlannedReferral.AWAITING_REVIEW,
            "Awaiting safeguarding review",
            PlannedReferral.AWAITING_CONSENT,
            "Awaiting the patient's consent",
            PlannedReferral.CONSENT_NOT_OBTAINED_SAFELY,
            "Consent not obtained safely",
            PlannedReferral.WILLING_TO_BE_REFERRED,
            "Willing to be referred",
            PlannedReferral.DECLINED_BY_PATIENT,
            "Declined by the patient",
            "closed-no-further-action",
            "Closed – no further action");
    private static final String SCREENING_ITEM = Canonicals.codeSystem(Canonicals.SCREENING_ITEM);

    void map(
            ScreeningCase screening,
            ScreeningAssessment assessment,
            ReferralPlan plan,
            Instant now,
            TransactionBuilder writes) {
        for (PlannedReferral referral : plan.referrals()) {
            String value = ReferralIdentifiers.task(screening.responseId(), referral.pathway());
            Task wanted = task(screening, assessment, referral, value, now);
            Optional<Task> existing = screening.existing().task(value);
            if (existing.isEmpty()) {
                writes.upsert(wanted, ReferralIdentifiers.TASK_SYSTEM, value);
            } else if (pipelineOwned(existing.get()) && differs(existing.get(), wanted)) {
                wanted.setId(existing.get().getIdElement().getIdPart());
                wanted.setAuthoredOn(existing.get().getAuthoredOn());
                writes.update(wanted);
            }
        }
        for (Task stale : screening.existing().tasks()) {
            if (isOurs(stale) && !planned(stale, plan, screening) && isOpen(stale)) {
                writes.update(cancelled(stale, now));
            }
        }
    }

    private Task task(
            ScreeningCase screening,
            ScreeningAssessment assessment,
            PlannedReferral referral,
            String value,
            Instant now) {
        var task = new Task();
        SecurityLabels.profile(task, "safeguarding-referral-task");
        SecurityLabels.leadOnly(task, assessment.sexualExploitationSuspected());
        task.addIdentifier().setSystem(ReferralIdentifiers.TASK_SYSTEM).setValue(value);
        task.setStatus(TaskStatus.fromCode(referral.status()));
        task.setBusinessStatus(businessStatus(referral.businessStatus()));
        task.setIntent(TaskIntent.ORDER);
        task.setPriority(TaskPriority.fromCode(referral.priority().code()));
        task.setCode(new CodeableConcept(new Coding(
                Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY),
                referral.pathway().code(),
                referral.pathway().display())));
        task.setOwner(new Reference(ReferralIdentifiers.directoryOrganization(referral.pathway())));
        task.setAuthoredOn(Date.from(now));
        task.setLastModified(Date.from(now));
        task.setFocus(new Reference("QuestionnaireResponse/" + screening.responseId()));
        task.setFor(new Reference(screening.subject()));
        task.setRequester(screening.response().getAuthor().copy());
        for (LeadReviewReason reason : referral.reasons()) {
            task.addInput()
                    .setType(new CodeableConcept().setText(REVIEW_REASON_INPUT))
                    .setValue(new CodeableConcept(new Coding(
                            Canonicals.codeSystem(Canonicals.LEAD_REVIEW_REASON), reason.code(), reason.display())));
        }
        assessment.interpreter().ifPresent(need -> addInterpreter(task, need));
        return task;
    }

    private static void addInterpreter(Task task, InterpreterNeed need) {
        if (need.languageCode().isPresent()) {
            task.addInput()
                    .setType(itemType("interpreter-language", "Interpreter language"))
                    .setValue(new CodeableConcept(new Coding(
                            "urn:ietf:bcp:47",
                            need.languageCode().get(),
                            need.languageText().orElse(null))));
        } else {
            need.languageText().ifPresent(text -> task.addInput()
                    .setType(itemType("interpreter-language", "Interpreter language"))
                    .setValue(new StringType(text)));
        }
        need.mode().ifPresent(mode -> task.addInput()
                .setType(itemType("interpreter-mode", "Interpreter mode"))
                .setValue(new CodeableConcept(
                        new Coding(Canonicals.codeSystem(Canonicals.INTERPRETER_MODE), mode, null))));
    }

    private static CodeableConcept itemType(String code, String display) {
        return new CodeableConcept(new Coding(SCREENING_ITEM, code, display));
    }

    private Task cancelled(Task stale, Instant now) {
        var task = stale.copy();
        task.setMeta(stale.getMeta().copy().setVersionId(null).setLastUpdated(null));
        task.setId(stale.getIdElement().getIdPart());
        task.setStatus(TaskStatus.CANCELLED);
        task.setBusinessStatus(businessStatus("closed-no-further-action"));
        task.setStatusReason(new CodeableConcept()
                .setText("The screening was amended or withdrawn, or consent changed; this pathway no longer applies"));
        task.setLastModified(Date.from(now));
        return task;
    }

    private boolean planned(Task task, ReferralPlan plan, ScreeningCase screening) {
        return plan.pathways().stream()
                .anyMatch(pathway -> ExistingOutputs.has(
                        task.getIdentifier(),
                        ReferralIdentifiers.TASK_SYSTEM,
                        ReferralIdentifiers.task(screening.responseId(), pathway)));
    }

    /** Whether the stored Task differs from the wanted one in anything the rules decide. */
    private static boolean differs(Task existing, Task wanted) {
        return existing.getStatus() != wanted.getStatus()
                || existing.getPriority() != wanted.getPriority()
                || !Objects.equals(code(existing.getBusinessStatus()), code(wanted.getBusinessStatus()))
                || !inputs(existing).equals(inputs(wanted))
                || !labels(existing).equals(labels(wanted));
    }

    private static String code(CodeableConcept concept) {
        return concept.getCodingFirstRep().getCode();
    }

    private static List<String> inputs(Task task) {
        return task.getInput().stream()
                .map(ReferralTaskMapper::describe)
                .sorted()
                .toList();
    }

    private static String describe(ParameterComponent input) {
        String value = input.getValue() instanceof CodeableConcept concept
                ? concept.getCodingFirstRep().getSystem() + "|" + code(concept)
                : String.valueOf(input.getValue().primitiveValue());
        return input.getType().getText() + "/" + code(input.getType()) + "=" + value;
    }

    private static Set<String> labels(Task task) {
        return task.getMeta().getSecurity().stream()
                .map(coding -> coding.getSystem() + "|" + coding.getCode())
                .collect(Collectors.toSet());
    }

    private static boolean pipelineOwned(Task task) {
        return PIPELINE_OWNED.contains(task.getStatus());
    }

    private static boolean isOpen(Task task) {
        return task.getStatus() == TaskStatus.REQUESTED || task.getStatus() == TaskStatus.ONHOLD;
    }

    private static boolean isOurs(Task task) {
        return task.getIdentifier().stream().anyMatch(id -> ReferralIdentifiers.TASK_SYSTEM.equals(id.getSystem()));
    }

    private static CodeableConcept businessStatus(String code) {
        return new CodeableConcept(new Coding(
                Canonicals.codeSystem(Canonicals.REFERRAL_BUSINESS_STATUS), code, BUSINESS_STATUS_DISPLAY.get(code)));
    }
}
