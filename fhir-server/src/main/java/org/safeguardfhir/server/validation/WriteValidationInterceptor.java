package org.safeguardfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.server.errors.NamedProblem;

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
public class WriteValidationInterceptor {

    private static final String TRUSTED_WRITER = WriteValidationInterceptor.class.getName() + ".trustedWriter";

    private final FhirContext fhirContext;
    private final FhirValidator validator;
    private final Set<String> validatedTypes;
    private final boolean validateTrustedWrites;
    private final IValidationSupport validationSupport;
    private final ScreeningResponseCompletion completion = new ScreeningResponseCompletion();

    WriteValidationInterceptor(
            FhirContext fhirContext,
            FhirValidator validator,
            IValidationSupport validationSupport,
            Set<String> validatedTypes,
            boolean validateTrustedWrites) {
        this.fhirContext = fhirContext;
        this.validator = validator;
        this.validationSupport = validationSupport;
        this.validatedTypes = validatedTypes;
        this.validateTrustedWrites = validateTrustedWrites;
    }

    /**
     * Marks a system request whose writes come from the server's own tested code (the referral route). Validating
     * them again costs several validator runs per screening, which HAPI builds afresh each time; the tests validate
     * every such write instead ({@code safeguard.validation.validate-trusted-writes=true}).
     */
    public static SystemRequestDetails trustedWriter() {
        var request = new SystemRequestDetails();
        request.getUserData().put(TRUSTED_WRITER, Boolean.TRUE);
        return request;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request) {
        completion.complete(resource, null);
        validate(resource, request);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
        completion.complete(resource, previous);
        validate(resource, request);
    }

    void validate(IBaseResource resource, RequestDetails request) {
        boolean trusted =
                request != null && Boolean.TRUE.equals(request.getUserData().get(TRUSTED_WRITER));
        if (!trusted || validateTrustedWrites) {
            validate(resource);
        }
    }

    void validate(IBaseResource resource) {
        BaseProfileClaims.normalise(resource);
        if (!validatedTypes.contains(fhirContext.getResourceType(resource))) {
            return;
        }
        var options = new ValidationOptions();
        if (ScreeningResponseLabeller.prepare(resource)) {
            options.addProfile(ScreeningResponseLabeller.PROFILE);
        }
        if (resource instanceof QuestionnaireResponse response) {
            if (ConformancePackage.isScreeningQuestionnaire(response.getQuestionnaire())
                    && questionnaireOf(response).isEmpty()) {
                // Answers are read by the version's own items; a version the server lacks cannot be read safely.
                throw NamedProblem.element(
                                422,
                                "QuestionnaireResponse.questionnaire",
                                "The screening questionnaire's version is not one this server has")
                        .exception();
            }
            var wrong = questionnaireOf(response)
                    .map(questionnaire -> AnswerTypeCheck.check(response, questionnaire))
                    .orElse(List.of());
            if (!wrong.isEmpty()) {
                throw new UnprocessableEntityException(fhirContext, ValidationOutcomes.wrongAnswers(wrong));
            }
        }
        ValidationResult result;
        try {
            result = validator.validateWithResult(forValidation(resource), options);
        } catch (UnprocessableEntityException e) {
            // HAPI's enableWhen evaluation throws, naming no element, on an answer it cannot compare.
            throw new UnprocessableEntityException(fhirContext, ValidationOutcomes.single(resource, e.getMessage()));
        }
        boolean rejected = result.getMessages().stream()
                .anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
        if (rejected) {
            throw new UnprocessableEntityException(fhirContext, ValidationOutcomes.of(resource, result.getMessages()));
        }
    }

    /**
     * A copy to validate. Validating the resource HAPI's REST layer parsed, HAPI 8.8's validator reported it as the
     * client sent it, without what the server completed (identifier, author, outcome, profile claim); a copy is
     * validated as it is now. RendererStyleResponseIT fails if this regresses.
     */
    private static IBaseResource forValidation(IBaseResource resource) {
        return resource instanceof org.hl7.fhir.r4.model.Resource r ? r.copy() : resource;
    }

    private Optional<Questionnaire> questionnaireOf(QuestionnaireResponse response) {
        if (!response.hasQuestionnaire()) {
            return Optional.empty();
        }
        return Optional.ofNullable(validationSupport.fetchResource(Questionnaire.class, response.getQuestionnaire()));
    }
}
