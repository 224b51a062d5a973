package org.safeguardfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Comparator;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates every create and update of the validated types in the storage layer, so that the server's own writes are
 * checked as strictly as clients'. Resources are validated against the profiles they declare and, for
 * QuestionnaireResponses, against their Questionnaire; screening responses are first prepared by
 * {@link ScreeningResponseLabeller} and always validated against the screening-response profile. A failure answers
 * 422 Unprocessable Entity, the FHIR REST answer for a resource that parses but breaks its profile.
 *
 * <p>One validator serves every type: each HAPI instance validator holds its own converted copy of the FHIR
 * specification (hundreds of megabytes, seconds to build), which is why HAPI's per-rule repository validation is not
 * used here.
 */
@Interceptor
class WriteValidationInterceptor {

    private final FhirContext fhirContext;
    private final FhirValidator validator;
    private final Set<String> validatedTypes;

    WriteValidationInterceptor(FhirContext fhirContext, FhirValidator validator, Set<String> validatedTypes) {
        this.fhirContext = fhirContext;
        this.validator = validator;
        this.validatedTypes = validatedTypes;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        validate(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        validate(resource);
    }

    void validate(IBaseResource resource) {
        if (!validatedTypes.contains(fhirContext.getResourceType(resource))) {
            return;
        }
        var options = new ValidationOptions();
        if (ScreeningResponseLabeller.prepare(resource)) {
            options.addProfile(ScreeningResponseLabeller.PROFILE);
        }
        var result = validator.validateWithResult(resource, options);
        boolean rejected = result.getMessages().stream()
                .anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
        if (rejected) {
            // Errors first: the exception's message, and so the log and the client's first issue, names the cause.
            var ordered = result.getMessages().stream()
                    .sorted(Comparator.comparing(SingleValidationMessage::getSeverity)
                            .reversed())
                    .toList();
            throw new UnprocessableEntityException(
                    fhirContext, new ValidationResult(fhirContext, ordered).toOperationOutcome());
        }
    }
}
