package org.safeguardfhir.profiles.questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * Serves our Questionnaires by canonical URL, optionally with {@code |version}, so that HAPI's instance validator
 * checks a QuestionnaireResponse against the Questionnaire it answers.
 */
final class QuestionnaireValidationSupport implements IValidationSupport {

    private final FhirContext fhirContext;
    private final List<Questionnaire> questionnaires;

    QuestionnaireValidationSupport(FhirContext fhirContext, List<Questionnaire> questionnaires) {
        this.fhirContext = fhirContext;
        this.questionnaires = questionnaires;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> T fetchResource(Class<T> type, String canonical) {
        String[] urlAndVersion = canonical.split("\\|", 2);
        return (T) questionnaires.stream()
                .filter(q -> q.getUrl().equals(urlAndVersion[0]))
                .filter(q -> urlAndVersion.length == 1 || urlAndVersion[1].equals(q.getVersion()))
                .filter(q -> type == null || type.isInstance(q))
                .findFirst()
                .orElse(null);
    }

    @Override
    public FhirContext getFhirContext() {
        return fhirContext;
    }
}
