package org.safeguardfhir.testfixtures;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.Collection;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * The one offline HAPI validation stack the modules' tests use: base R4, the artefacts a test gives (our terminology,
 * profiles, Questionnaires), HAPI's in-memory terminology service and snapshot generation for differential-only
 * profiles. Nothing reaches the network.
 *
 * <p>HAPI's {@code CommonCodeSystemsTerminologyService} is left out on purpose: it reports a Norwegian Bokmål
 * designation ({@code nb}) as an error against the R4 "Common Languages" value set, although that binding is only
 * preferred and {@code nb} is valid BCP-47 (hapi-fhir issue 7959). {@code PrePopulatedValidationSupport} ignores
 * Questionnaires, so {@link QuestionnaireSupport} serves them.
 */
public final class OfflineValidation {

    private OfflineValidation() {}

    public static ValidationSupportChain chain(FhirContext fhir, Collection<? extends IBaseResource> artefacts) {
        var ours = new PrePopulatedValidationSupport(fhir);
        artefacts.forEach(ours::addResource);
        List<Questionnaire> questionnaires = artefacts.stream()
                .filter(Questionnaire.class::isInstance)
                .map(Questionnaire.class::cast)
                .toList();
        return new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                ours,
                new QuestionnaireSupport(fhir, questionnaires),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
    }

    /**
     * The instance validator on a chain. A profile it cannot find is an error; without a server to resolve them,
     * {@code Patient/1} is taken to be a Patient, so reference types are still checked.
     */
    public static FhirValidator validator(FhirContext fhir, ValidationSupportChain chain, boolean bestPractice) {
        var module = new FhirInstanceValidator(chain);
        if (!bestPractice) {
            module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        }
        module.setErrorForUnknownProfiles(true);
        module.setAssumeValidRestReferences(true);
        return fhir.newValidator().registerValidatorModule(module);
    }

    /** Messages one per line, for assertion descriptions. */
    public static String describe(List<SingleValidationMessage> messages) {
        return messages.stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                .reduce("", (all, m) -> all + "\n  " + m);
    }
}
