package org.safeguardfhir.routes.referral;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Referral Tasks: one per planned pathway, updated only while the pipeline still owns them (requested, on hold or
 * cancelled). Once a lead has picked a Task up, a redelivery or an amendment leaves its workflow state alone.
 */
final class ReferralTaskMapper {

    private static final Set<TaskStatus> PIPELINE_OWNED =
            Set.of(TaskStatus.DRAFT, TaskStatus.REQUESTED, TaskStatus.ONHOLD, TaskStatus.CANCELLED);
    private static final Map<String, String> BUSINESS_STATUS_DISPLAY = Map.of(
            "awaiting-review", "Awaiting safeguarding review",
            "awaiting-consent", "Awaiting the patient's consent",
            "closed-no-further-action", "Closed – no further action");

    private final ReferralIdentifiers identifiers;

    ReferralTaskMapper(ReferralIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    void map(ScreeningCase screening, ReferralPlan plan, Instant now, TransactionBuilder writes) {
        for (PlannedReferral referral : plan.referrals()) {
            String value = identifierValue(screening, referral.pathway());
            Optional<Task> existing = screening.existing().task(value);
            if (existing.isEmpty()) {
                writes.upsert(task(screening, referral, value, now, null), ReferralIdentifiers.TASK_SYSTEM, value);
            } else if (pipelineOwned(existing.get()) && differs(existing.get(), referral)) {
                writes.update(task(screening, referral, value, now, existing.get()));
            }
        }
        for (Task stale : screening.existing().tasks()) {
            if (isOurs(stale) && !planned(stale, plan, screening) && isOpen(stale)) {
                writes.update(cancelled(stale, now));
            }
        }
    }

    private Task task(ScreeningCase screening, PlannedReferral referral, String value, Instant now, Task existing) {
        var task = new Task();
        if (existing != null) {
            task.setId(existing.getIdElement().getIdPart());
        }
        SecurityLabels.profile(task, "safeguarding-referral-task");
        SecurityLabels.restricted(task, true);
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
        task.setLastModified(Date.from(now));
        if (referral.anonymous()) {
            // A day, not an instant: the time of a consultation could point back to the patient.
            task.setAuthoredOnElement(new DateTimeType(Date.from(now), TemporalPrecisionEnum.DAY));
            task.setLastModifiedElement(new DateTimeType(Date.from(now), TemporalPrecisionEnum.DAY));
        } else {
            task.setAuthoredOn(existing != null ? existing.getAuthoredOn() : Date.from(now));
            task.setFocus(new Reference("QuestionnaireResponse/" + screening.responseId()));
            task.setFor(new Reference(screening.subject()));
            task.setRequester(screening.response().getAuthor().copy());
        }
        return task;
    }

    private Task cancelled(Task stale, Instant now) {
        var task = stale.copy();
        task.setMeta(stale.getMeta().copy().setVersionId(null).setLastUpdated(null));
        task.setId(stale.getIdElement().getIdPart());
        task.setStatus(TaskStatus.CANCELLED);
        task.setBusinessStatus(businessStatus("closed-no-further-action"));
        task.setStatusReason(
                new CodeableConcept().setText("The screening was amended; this pathway no longer applies"));
        task.setLastModified(Date.from(now));
        return task;
    }

    private String identifierValue(ScreeningCase screening, ReferralPathway pathway) {
        return pathway == ReferralPathway.DUTY_TO_NOTIFY
                ? identifiers.anonymousTask(screening.responseId(), pathway)
                : ReferralIdentifiers.task(screening.responseId(), pathway);
    }

    private boolean planned(Task task, ReferralPlan plan, ScreeningCase screening) {
        return plan.pathways().stream()
                .anyMatch(pathway -> ExistingOutputs.has(
                        task.getIdentifier(), ReferralIdentifiers.TASK_SYSTEM, identifierValue(screening, pathway)));
    }

    private static boolean differs(Task existing, PlannedReferral referral) {
        return !existing.getStatus().toCode().equals(referral.status())
                || !existing.getPriority().toCode().equals(referral.priority().code())
                || !existing.getBusinessStatus().getCodingFirstRep().getCode().equals(referral.businessStatus());
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
