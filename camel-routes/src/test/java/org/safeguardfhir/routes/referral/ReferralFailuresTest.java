package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class ReferralFailuresTest {

    @Test
    void rejectedWriteIsPermanentEvenWhenWrapped() {
        assertThat(ReferralFailures.isPermanent(new UnprocessableEntityException("invalid")))
                .isTrue();
        assertThat(ReferralFailures.isPermanent(new RuntimeCamelException(new UnprocessableEntityException("invalid"))))
                .isTrue();
    }

    @Test
    void conflictsServerErrorsAndOutagesAreRetried() {
        assertThat(ReferralFailures.isPermanent(new ResourceVersionConflictException("conflict")))
                .isFalse();
        assertThat(ReferralFailures.isPermanent(new PreconditionFailedException("raced")))
                .isFalse();
        assertThat(ReferralFailures.isPermanent(new InternalErrorException("boom")))
                .isFalse();
        assertThat(ReferralFailures.isPermanent(new IllegalStateException("connection refused")))
                .isFalse();
    }
}
