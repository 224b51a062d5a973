package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferralIdentifiersTest {

    @Test
    void taskIdentifierIsTheResponseAndThePathway() {
        assertThat(ReferralIdentifiers.task("42", ReferralPathway.DUTY_TO_NOTIFY))
                .isEqualTo("42.duty-to-notify");
    }

    @Test
    void theConcernFlagKeepsThePatientIdAndInstructionFlagsAddTheirCode() {
        assertThat(ReferralIdentifiers.flag("7", SafeguardingFlag.CONCERN)).isEqualTo("7");
        assertThat(ReferralIdentifiers.flag("7", SafeguardingFlag.SAFE_CONTACT_ONLY))
                .isEqualTo("7.safe-contact-restricted");
    }

    @Test
    void aPathwaysTasksAreOwnedByItsReceiversDirectoryEntry() {
        assertThat(ReferralIdentifiers.directoryOrganization(ReferralPathway.ROSA))
                .isEqualTo("Organization?identifier=" + ReferralIdentifiers.DIRECTORY_SYSTEM + "|rosa");
        assertThat(ReferralIdentifiers.directoryOrganization(ReferralPathway.DUTY_TO_AVERT))
                .isEqualTo("Organization?identifier=" + ReferralIdentifiers.DIRECTORY_SYSTEM
                        + "|designated-safeguarding-lead");
    }
}
