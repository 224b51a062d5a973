package org.safeguardfhir.routes.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;

/**
 * Everything the decision rules and mappers need about one screening, read in the route's transaction.
 *
 * @param response the current version of the screening response
 * @param birthDate the patient's birth date, when recorded
 * @param consents the patient's active referral Consents
 * @param existing outputs already stored for this response or patient
 */
public record ScreeningCase(
        QuestionnaireResponse response,
        Optional<LocalDate> birthDate,
        List<Consent> consents,
        ExistingOutputs existing) {

    public String responseId() {
        return response.getIdElement().getIdPart();
    }

    public String responseVersion() {
        return response.getIdElement().getVersionIdPart();
    }

    public String subject() {
        return response.getSubject().getReference();
    }

    /** The id part of the patient reference, which also identifies the patient's safeguarding Flag. */
    public String patientId() {
        return response.getSubject().getReferenceElement().getIdPart();
    }

    /** An entered-in-error response withdraws whatever it produced. */
    public boolean withdrawn() {
        return response.getStatus() == QuestionnaireResponseStatus.ENTEREDINERROR;
    }
}
