package org.safeguardfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.interceptor.validation.IRepositoryValidatingRule;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates every create and update in the storage layer with HAPI's repository-validation rules, after
 * {@link ScreeningResponseLabeller} has prepared screening responses, in one step so that the order of independent
 * hooks cannot let a response skip its profile. A failure answers 422 Unprocessable Entity, the FHIR REST answer for
 * a resource that parses but breaks its profile (HAPI's own interceptor answers 412).
 */
@Interceptor
class WriteValidationInterceptor {

    private final FhirContext fhirContext;
    private final List<IRepositoryValidatingRule> rules;
    private final FhirValidator screeningValidator;

    WriteValidationInterceptor(
            FhirContext fhirContext, List<IRepositoryValidatingRule> rules, FhirValidator screeningValidator) {
        this.fhirContext = fhirContext;
        this.rules = rules;
        this.screeningValidator = screeningValidator;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void created(RequestDetails request, IBaseResource resource) {
        validate(request, resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
        validate(request, resource);
    }

    void validate(RequestDetails request, IBaseResource resource) {
        if (ScreeningResponseLabeller.prepare(resource)) {
            // Against the screening-response profile explicitly: HAPI's rules only honour profiles the client sent.
            var result = screeningValidator.validateWithResult(
                    resource, new ValidationOptions().addProfile(ScreeningResponseLabeller.PROFILE));
            if (result.getMessages().stream()
                    .anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())) {
                throw new UnprocessableEntityException(fhirContext, result.toOperationOutcome());
            }
            return;
        }
        String type = fhirContext.getResourceType(resource);
        for (var rule : rules) {
            if (!rule.getResourceType().equals(type)) {
                continue;
            }
            var evaluation = rule.evaluate(request, resource);
            if (!evaluation.isPasses()) {
                throw evaluation.getOperationOutcome() != null
                        ? new UnprocessableEntityException(fhirContext, evaluation.getOperationOutcome())
                        : new UnprocessableEntityException(evaluation.getFailureDescription());
            }
        }
    }
}
