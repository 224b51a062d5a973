package org.safeguardfhir.server.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class WriteValidationInterceptorTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    /** No status and no intent: invalid against the base Task definition. */
    final Task invalid = new Task();

    @Test
    void rejectsAnInvalidWriteFromAnyClient() {
        var interceptor = interceptor(false);

        assertThatThrownBy(() -> interceptor.created(invalid, new SystemRequestDetails()))
                .isInstanceOf(UnprocessableEntityException.class);
    }

    @Test
    void trustsTheReferralRouteUnlessTrustedWritesAreValidatedToo() {
        assertThatCode(() -> interceptor(false).created(invalid, WriteValidationInterceptor.trustedWriter()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> interceptor(true).created(invalid, WriteValidationInterceptor.trustedWriter()))
                .isInstanceOf(UnprocessableEntityException.class);
    }

    static WriteValidationInterceptor interceptor(boolean validateTrustedWrites) {
        var support = new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(FHIR);
        var validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        return new WriteValidationInterceptor(FHIR, validator, support, Set.of("Task"), validateTrustedWrites);
    }
}
