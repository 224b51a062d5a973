package org.safeguardfhir.server.validation;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Prepares, before validation, every response to one of our screening questionnaires for storage, whatever the client sent: it claims the
 * screening-response profile (so its rules on subject, author and identifier are validated) and carries the
 * restricted labels (confidentiality R and our safeguarding policy code), so that access control can protect it.
 */
final class ScreeningResponseLabeller {

    private ScreeningResponseLabeller() {}

    static final String PROFILE =
            ConformancePackage.CANONICAL + "/StructureDefinition/screening-questionnaire-response";
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    static final String POLICY = Canonicals.codeSystem("safeguarding-security-policy");

    static boolean isScreeningResponse(QuestionnaireResponse response) {
        return ConformancePackage.isScreeningQuestionnaire(response.getQuestionnaire());
    }

    /** Labels a screening response; answers whether the resource is one. */
    static boolean prepare(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response && isScreeningResponse(response)) {
            Meta meta = response.getMeta();
            if (!meta.hasProfile(PROFILE)) {
                meta.addProfile(PROFILE);
            }
            // Raise a lower confidentiality to R; keep R or V (very restricted) as sent.
            if (meta.getSecurity(CONFIDENTIALITY, "R") == null && meta.getSecurity(CONFIDENTIALITY, "V") == null) {
                meta.getSecurity().removeIf(c -> CONFIDENTIALITY.equals(c.getSystem()));
                meta.addSecurity(CONFIDENTIALITY, "R", "restricted");
            }
            if (meta.getSecurity(POLICY, "HT") == null) {
                meta.addSecurity(POLICY, "HT", "human trafficking / modern slavery information sensitivity");
            }
            return true;
        }
        return false;
    }
}
