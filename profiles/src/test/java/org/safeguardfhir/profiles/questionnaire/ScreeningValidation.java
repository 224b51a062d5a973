package org.safeguardfhir.profiles.questionnaire;

import static org.safeguardfhir.profiles.questionnaire.ScreeningArtefacts.FHIR;

import ca.uhn.fhir.context.support.IValidationSupport.ValueSetExpansionOutcome;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.safeguardfhir.testfixtures.OfflineValidation;

/**
 * An offline HAPI validation chain that knows our terminology, profiles and Questionnaires, so that the instance
 * validator checks a QuestionnaireResponse against the Questionnaire it answers. Nothing here reaches the network.
 */
final class ScreeningValidation {

    private static ValidationSupportChain supportChain;
    private static FhirValidator validator;

    private ScreeningValidation() {}

    /** The codes of one of our value sets, expanded in memory. */
    static List<ValueSetExpansionContainsComponent> expand(String valueSetUrl) {
        ValidationSupportChain chain = supportChain();
        IBaseResource valueSet = chain.fetchValueSet(valueSetUrl);
        if (valueSet == null) {
            throw new AssertionError("unknown value set " + valueSetUrl);
        }
        ValueSetExpansionOutcome outcome =
                chain.expandValueSet(new ValidationSupportContext(chain), new ValueSetExpansionOptions(), valueSet);
        if (outcome == null || outcome.getError() != null) {
            throw new AssertionError(
                    "cannot expand " + valueSetUrl + ": " + (outcome == null ? "" : outcome.getError()));
        }
        return ((ValueSet) outcome.getValueSet()).getExpansion().getContains();
    }

    /** Our terminology, profiles and every Questionnaire variant on the tests' one offline stack. */
    static synchronized ValidationSupportChain supportChain() {
        if (supportChain == null) {
            List<IBaseResource> ours = new ArrayList<>(ScreeningArtefacts.terminologyAndProfiles());
            ours.addAll(ScreeningArtefacts.variants());
            supportChain = OfflineValidation.chain(FHIR, ours);
        }
        return supportChain;
    }

    /** The error and fatal messages of validating a resource. */
    static List<SingleValidationMessage> errors(Resource resource) {
        return validator().validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    static String describe(List<SingleValidationMessage> messages) {
        return OfflineValidation.describe(messages);
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            validator = OfflineValidation.validator(FHIR, supportChain(), true);
        }
        return validator;
    }
}
