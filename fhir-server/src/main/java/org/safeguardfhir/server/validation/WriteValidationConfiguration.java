package org.safeguardfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which writes are validated, and how: the types our profiles constrain, with HAPI's instance validator on HAPI's JPA
 * validation-support chain (so stored profiles, questionnaires and terminology are used); errors reject the write,
 * best-practice advice does not.
 */
@Configuration(proxyBeanMethods = false)
class WriteValidationConfiguration {

    /** Resource types that our profiles constrain, or that carry screening answers. */
    static final List<String> VALIDATED_TYPES =
            List.of("QuestionnaireResponse", "Flag", "Task", "Observation", "Condition", "Consent");

    @Bean
    WriteValidationInterceptor writeValidationInterceptor(
            FhirContext fhirContext,
            IValidationSupport validationSupport,
            IInterceptorService jpa,
            @Value("${safeguard.validation.validate-trusted-writes:false}") boolean validateTrustedWrites) {
        var instanceValidator = new FhirInstanceValidator(validationSupport);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        var validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
        var interceptor = new WriteValidationInterceptor(
                fhirContext, validator, validationSupport, Set.copyOf(VALIDATED_TYPES), validateTrustedWrites);
        // HAPI's JPA interceptor service sees every write, including the server's own; the REST layer's would not.
        jpa.registerInterceptor(interceptor);
        return interceptor;
    }
}
