package org.safeguardfhir.routes.referral;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ExploitationType;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The provisional suspected-trafficking Condition the safeguarding lead records after reviewing a screen, one per
 * form of exploitation, identified by the response and the form so that recording it again updates it. The lead is
 * its recorder and asserter: the suspicion is the lead's judgement, not the screen's score. ICD-10-CM, a US
 * classification, is coded only where the deployment asks for it.
 */
public final class SuspicionRecord {

    private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private final Optional<Icd10cmMap> icd10cm;

    /** @param icd10cm the map to code ICD-10-CM with; empty where the deployment does not use ICD-10-CM */
    public SuspicionRecord(Optional<Icd10cmMap> icd10cm) {
        this.icd10cm = icd10cm;
    }

    public Condition condition(
            QuestionnaireResponse response, ExploitationType type, AgeGroup age, Reference lead, String note) {
        String responseId = response.getIdElement().getIdPart();
        var condition = new Condition();
        SecurityLabels.profile(condition, "suspected-trafficking-condition");
        SecurityLabels.leadOnly(condition, type == ExploitationType.SEXUAL);
        condition
                .addIdentifier()
                .setSystem(ReferralIdentifiers.CONDITION_SYSTEM)
                .setValue(ReferralIdentifiers.condition(responseId, type.code()));
        condition.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, "provisional", "Provisional")));
        var code = new CodeableConcept(
                new Coding(Canonicals.codeSystem(Canonicals.EXPLOITATION_TYPE), type.code(), type.display()));
        icd10cm.flatMap(map -> map.suspected(type, age)).ifPresent(code::addCoding);
        condition.setCode(code);
        condition.setSubject(response.getSubject().copy());
        condition.setRecordedDateElement(DateTimeType.now());
        condition.setRecorder(lead.copy());
        condition.setAsserter(lead.copy());
        condition.addEvidence().addDetail(new Reference("QuestionnaireResponse/" + responseId));
        if (note != null && !note.isBlank()) {
            condition.addNote().setText(note);
        }
        return condition;
    }
}
