package org.safeguardfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.interceptor.validation.IRepositoryValidatingRule;
import ca.uhn.fhir.jpa.interceptor.validation.RepositoryValidatingRuleBuilder;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which writes are validated, and how strictly: the types our profiles cover are validated against the profiles they
 * declare (and, for QuestionnaireResponses, against their Questionnaire); errors reject the write, best-practice
 * advice does not.
 */
@Configuration(proxyBeanMethods = false)
class WriteValidationConfiguration {

    /** Resource types that our profiles constrain, or that carry screening answers. */
    static final List<String> VALIDATED_TYPES =
            List.of("QuestionnaireResponse", "Flag", "Task", "Observation", "Condition", "Consent");

    @Bean
    List<IRepositoryValidatingRule> writeValidationRules(ObjectFactory<RepositoryValidatingRuleBuilder> builders) {
        RepositoryValidatingRuleBuilder builder = builders.getObject();
        RepositoryValidatingRuleBuilder.FinalizedTypedRule rules = null;
        for (String type : VALIDATED_TYPES) {
            var typed = rules == null ? builder.forResourcesOfType(type) : rules.forResourcesOfType(type);
            rules = typed.requireValidationToDeclaredProfiles()
                    .withBestPracticeWarningLevel("IGNORE")
                    .rejectOnSeverity("error");
        }
        return rules.build();
    }

    @Bean
    WriteValidationInterceptor writeValidationInterceptor(
            FhirContext fhirContext,
            List<IRepositoryValidatingRule> writeValidationRules,
            IValidationSupport validationSupport,
            IInterceptorService jpa) {
        var instanceValidator = new FhirInstanceValidator(validationSupport);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        var screeningValidator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
        var interceptor = new WriteValidationInterceptor(fhirContext, writeValidationRules, screeningValidator);
        // HAPI's JPA interceptor service sees every write, including the server's own; the REST layer's would not.
        jpa.registerInterceptor(interceptor);
        return interceptor;
    }
}
