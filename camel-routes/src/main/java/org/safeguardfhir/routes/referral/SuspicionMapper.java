package org.safeguardfhir.routes.referral;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ExploitationType;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Provisional suspected-trafficking Conditions, one per suspected exploitation type, coded with the ICD-10-CM
 * "suspected" code where one exists. A suspicion that an amendment no longer supports is marked refuted, never
 * deleted: the record shows what was suspected and when it was withdrawn.
 */
final class SuspicionMapper {

    private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private final Icd10cmMap icd10cm;

    SuspicionMapper(Icd10cmMap icd10cm) {
        this.icd10cm = icd10cm;
    }

    void map(ScreeningCase screening, Set<ExploitationType> suspected, AgeGroup age, TransactionBuilder writes) {
        for (ExploitationType type : suspected) {
            String value = ReferralIdentifiers.condition(screening.responseId(), type.code());
            var existing = screening.existing().condition(value);
            if (existing.isEmpty()) {
                writes.upsert(condition(screening, type, age), ReferralIdentifiers.CONDITION_SYSTEM, value);
            } else if (!"provisional".equals(verification(existing.get()))
                    || !existing.get()
                            .getCode()
                            .equalsDeep(condition(screening, type, age).getCode())) {
                var reinstated = condition(screening, type, age);
                reinstated.setId(existing.get().getIdElement().getIdPart());
                writes.update(reinstated);
            }
        }
        for (Condition stale : screening.existing().conditions()) {
            if (isOurs(stale)
                    && !isSuspected(stale, suspected, screening)
                    && "provisional".equals(verification(stale))) {
                writes.update(refuted(stale));
            }
        }
    }

    private Condition condition(ScreeningCase screening, ExploitationType type, AgeGroup age) {
        var condition = new Condition();
        SecurityLabels.profile(condition, "suspected-trafficking-condition");
        SecurityLabels.restricted(condition, type == ExploitationType.SEXUAL);
        condition
                .addIdentifier()
                .setSystem(ReferralIdentifiers.CONDITION_SYSTEM)
                .setValue(ReferralIdentifiers.condition(screening.responseId(), type.code()));
        condition.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, "provisional", "Provisional")));
        var code = new CodeableConcept(
                new Coding(Canonicals.codeSystem(Canonicals.EXPLOITATION_TYPE), type.code(), type.display()));
        icd10cm.suspected(type, age).ifPresent(code::addCoding);
        condition.setCode(code);
        condition.setSubject(new Reference(screening.subject()));
        condition.setRecordedDateElement(
                new DateTimeType(screening.response().getAuthoredElement().getValueAsString()));
        condition.setRecorder(screening.response().getAuthor().copy());
        condition.addEvidence().addDetail(new Reference("QuestionnaireResponse/" + screening.responseId()));
        return condition;
    }

    private static Condition refuted(Condition stale) {
        var condition = stale.copy();
        condition.setMeta(stale.getMeta().copy().setVersionId(null).setLastUpdated(null));
        condition.setId(stale.getIdElement().getIdPart());
        condition.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, "inactive", "Inactive")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, "refuted", "Refuted")));
        condition.addNote().setText("Withdrawn: the screening response it came from was amended");
        return condition;
    }

    private static boolean isSuspected(Condition condition, Set<ExploitationType> suspected, ScreeningCase screening) {
        return suspected.stream()
                .anyMatch(type -> ExistingOutputs.has(
                        condition.getIdentifier(),
                        ReferralIdentifiers.CONDITION_SYSTEM,
                        ReferralIdentifiers.condition(screening.responseId(), type.code())));
    }

    private static boolean isOurs(Condition condition) {
        return condition.getIdentifier().stream()
                .anyMatch(id -> ReferralIdentifiers.CONDITION_SYSTEM.equals(id.getSystem()));
    }

    private static String verification(Condition condition) {
        return condition.getVerificationStatus().getCodingFirstRep().getCode();
    }
}
