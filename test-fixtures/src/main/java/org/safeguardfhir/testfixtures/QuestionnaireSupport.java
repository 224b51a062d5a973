package org.safeguardfhir.testfixtures;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/** Serves our Questionnaires by canonical URL (optionally with {@code |version}), so responses are checked against them. */
public final class QuestionnaireSupport implements IValidationSupport {

    private final FhirContext fhirContext;
    private final Map<String, Questionnaire> byUrl;

    public QuestionnaireSupport(FhirContext fhirContext, List<Questionnaire> questionnaires) {
        this.fhirContext = fhirContext;
        this.byUrl = questionnaires.stream()
                .collect(Collectors.toMap(Questionnaire::getUrl, Function.identity(), (first, again) -> first));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> T fetchResource(Class<T> type, String canonical) {
        String[] urlAndVersion = canonical.split("\\|", 2);
        Questionnaire questionnaire = byUrl.get(urlAndVersion[0]);
        boolean versionMatches = urlAndVersion.length == 1
                || (questionnaire != null && urlAndVersion[1].equals(questionnaire.getVersion()));
        if (questionnaire == null || !versionMatches || (type != null && !type.isInstance(questionnaire))) {
            return null;
        }
        return (T) questionnaire;
    }

    @Override
    public FhirContext getFhirContext() {
        return fhirContext;
    }
}
