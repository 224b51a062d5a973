package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferralIdentifiersTest {

    static final byte[] KEY = "an installation key of 32 bytes!".getBytes(StandardCharsets.UTF_8);

    @Test
    void anonymousIdentifierIsStableForOneInstallation() {
        var identifiers = new ReferralIdentifiers(KEY);

        assertThat(identifiers.anonymousTask("42", ReferralPathway.DUTY_TO_NOTIFY))
                .isEqualTo(new ReferralIdentifiers(KEY).anonymousTask("42", ReferralPathway.DUTY_TO_NOTIFY))
                .hasSize(32)
                .doesNotContain("42.");
    }

    @Test
    void anonymousIdentifierCannotBeRecomputedWithoutTheInstallationKey() {
        byte[] otherKey = "another installation's secret!!!".getBytes(StandardCharsets.UTF_8);

        assertThat(new ReferralIdentifiers(otherKey).anonymousTask("42", ReferralPathway.DUTY_TO_NOTIFY))
                .isNotEqualTo(new ReferralIdentifiers(KEY).anonymousTask("42", ReferralPathway.DUTY_TO_NOTIFY));
    }

    @Test
    void rejectsAShortKey() {
        assertThatThrownBy(() -> new ReferralIdentifiers(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identifiedTaskNamesResponseAndPathway() {
        assertThat(ReferralIdentifiers.task("42", ReferralPathway.NRM_FIRST_RESPONDER))
                .isEqualTo("42.nrm-first-responder");
    }
}
