package org.safeguardfhir.profiles.questionnaire;

import static org.safeguardfhir.profiles.questionnaire.ScreeningArtefacts.FHIR;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport.ValueSetExpansionOutcome;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;

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

    /**
     * Base R4, our terminology, StructureDefinitions and Questionnaires, in-memory terminology and snapshots.
     *
     * <p>HAPI's {@code CommonCodeSystemsTerminologyService} is left out on purpose: it reports our Norwegian Bokmål
     * designations ({@code nb}) as errors (hapi-fhir issue 7959). {@code PrePopulatedValidationSupport} ignores
     * Questionnaires, so {@link QuestionnaireValidationSupport} serves them.
     */
    static synchronized ValidationSupportChain supportChain() {
        if (supportChain == null) {
            PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(FHIR);
            ScreeningArtefacts.terminologyAndProfiles().forEach(ours::addResource);
            supportChain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(FHIR),
                    ours,
                    new QuestionnaireValidationSupport(FHIR, ScreeningArtefacts.variants()),
                    new InMemoryTerminologyServerValidationSupport(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR));
        }
        return supportChain;
    }

    /** The error and fatal messages of validating a resource. */
    static List<SingleValidationMessage> errors(Resource resource) {
        return validator().validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    /** Messages one per line, for assertion descriptions. */
    static String describe(List<SingleValidationMessage> messages) {
        return messages.stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                .reduce("", (all, m) -> all + "\n  " + m);
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirInstanceValidator module = new FhirInstanceValidator(supportChain());
            module.setErrorForUnknownProfiles(true);
            validator = FHIR.newValidator().registerValidatorModule(module);
        }
        return validator;
    }
}
