package org.safeguardfhir.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.security.SmartScope;
import org.safeguardfhir.server.security.SmartScope.Interaction;

class AccessPolicyTest {

    static final String HT_POLICY = "https://safeguardfhir.org/fhir/CodeSystem/safeguarding-security-policy";

    @Test
    void anyOneRestrictingLabelMakesARecordRestricted() {
        assertThat(RestrictedLabels.restricted(labelled(RestrictedLabels.CONFIDENTIALITY, "R")))
                .isTrue();
        assertThat(RestrictedLabels.restricted(labelled(RestrictedLabels.CONFIDENTIALITY, "V")))
                .isTrue();
        assertThat(RestrictedLabels.restricted(labelled(RestrictedLabels.ACT_CODE, "SDV")))
                .isTrue();
        assertThat(RestrictedLabels.restricted(labelled(HT_POLICY, "HT"))).isTrue();
        assertThat(RestrictedLabels.restricted(labelled(RestrictedLabels.CONFIDENTIALITY, "N")))
                .isFalse();
        assertThat(RestrictedLabels.restricted(new Observation())).isFalse();
    }

    @Test
    void theLeadSeesRestrictedRecordsInFull() {
        var lead = staff(Role.SAFEGUARDING_LEAD);

        assertThat(AccessPolicy.visibility(lead, labelled(HT_POLICY, "HT"))).isEqualTo(Visibility.FULL);
        assertThat(AccessPolicy.visibility(lead, restrictedFlag())).isEqualTo(Visibility.FULL);
    }

    @Test
    void aClinicianSeesRestrictedFlagsRedactedAndNothingElseRestricted() {
        var clinician = staff(Role.CLINICIAN);

        assertThat(AccessPolicy.visibility(clinician, restrictedFlag())).isEqualTo(Visibility.REDACTED);
        assertThat(AccessPolicy.visibility(clinician, labelled(HT_POLICY, "HT")))
                .isEqualTo(Visibility.HIDDEN);
        assertThat(AccessPolicy.visibility(clinician, new Observation())).isEqualTo(Visibility.FULL);
    }

    @Test
    void aPatientAppOrProxyNeverSeesRestrictedRecordsWhateverRolesItClaims() {
        var app = new Caller(
                "app",
                Set.of(Role.SAFEGUARDING_LEAD, Role.CLINICIAN),
                List.of(SmartScope.parse("patient/*.rs").orElseThrow()),
                Optional.of("123"),
                Optional.empty());
        var proxy = new Caller(
                "proxy",
                Set.of(Role.SAFEGUARDING_LEAD),
                List.of(SmartScope.parse("user/*.cruds").orElseThrow()),
                Optional.empty(),
                Optional.of("RelatedPerson/7"));

        for (var caller : List.of(app, proxy)) {
            assertThat(AccessPolicy.seesRestricted(caller)).isFalse();
            assertThat(AccessPolicy.visibility(caller, restrictedFlag())).isEqualTo(Visibility.HIDDEN);
            assertThat(AccessPolicy.visibility(caller, new Observation())).isEqualTo(Visibility.FULL);
            assertThat(AccessPolicy.mayWrite(caller, "Observation", Interaction.CREATE))
                    .isFalse();
        }
    }

    @Test
    void aDashboardSeesEveryTaskAndOrganizationPseudonymisedAndNoOtherRecord() {
        var dashboard = staff(Role.DASHBOARD);
        var task = new Task();
        task.getMeta().addSecurity(new Coding(HT_POLICY, "HT", null));
        var organization = new Organization();

        assertThat(AccessPolicy.visibility(dashboard, task)).isEqualTo(Visibility.PSEUDONYMISED);
        assertThat(AccessPolicy.visibility(dashboard, new Task())).isEqualTo(Visibility.PSEUDONYMISED);
        assertThat(AccessPolicy.visibility(dashboard, organization)).isEqualTo(Visibility.PSEUDONYMISED);
        assertThat(AccessPolicy.visibility(dashboard, new Observation())).isEqualTo(Visibility.HIDDEN);
        assertThat(AccessPolicy.visibility(dashboard, new Practitioner())).isEqualTo(Visibility.HIDDEN);
        assertThat(AccessPolicy.mayRead(dashboard, "Patient", Interaction.READ)).isFalse();
    }

    @Test
    void anotherRoleThatReadsTheTypeInFullDecidesInsteadOfTheDashboardView() {
        var leadToo = staff(Role.DASHBOARD, Role.SAFEGUARDING_LEAD);
        var clinicianToo = staff(Role.DASHBOARD, Role.CLINICIAN);
        var restricted = new Task();
        restricted.getMeta().addSecurity(new Coding(RestrictedLabels.CONFIDENTIALITY, "R", null));

        assertThat(AccessPolicy.visibility(leadToo, restricted)).isEqualTo(Visibility.FULL);
        assertThat(AccessPolicy.visibility(clinicianToo, restricted)).isEqualTo(Visibility.HIDDEN);
        assertThat(AccessPolicy.visibility(clinicianToo, new Organization())).isEqualTo(Visibility.FULL);
        var researcherToo = staff(Role.DASHBOARD, Role.RESEARCHER);
        assertThat(AccessPolicy.visibility(researcherToo, new Organization())).isEqualTo(Visibility.FULL);
        assertThat(AccessPolicy.visibility(researcherToo, restricted)).isEqualTo(Visibility.PSEUDONYMISED);
    }

    @Test
    void aPatientAppWithTheDashboardRoleGetsNoDashboardView() {
        var app = new Caller(
                "app",
                Set.of(Role.DASHBOARD),
                List.of(SmartScope.parse("patient/*.rs").orElseThrow()),
                Optional.of("123"),
                Optional.empty());

        assertThat(AccessPolicy.seesPseudonymised(app, "Task")).isFalse();
    }

    @Test
    void scopesNarrowWhatRolesAllow() {
        var taskReader = new Caller(
                "dashboard-lead",
                Set.of(Role.SAFEGUARDING_LEAD),
                List.of(SmartScope.parse("system/Task.rs").orElseThrow()),
                Optional.empty(),
                Optional.empty());

        assertThat(AccessPolicy.mayRead(taskReader, "Task", Interaction.SEARCH)).isTrue();
        assertThat(AccessPolicy.mayRead(taskReader, "Flag", Interaction.READ)).isFalse();
        assertThat(AccessPolicy.mayWrite(taskReader, "Task", Interaction.UPDATE))
                .isFalse();
    }

    @Test
    void aTokenWithoutRolesMayDoNothingButReadNothingEither() {
        var nobody = staff();

        assertThat(AccessPolicy.mayRead(nobody, "Questionnaire", Interaction.READ))
                .isFalse();
        assertThat(AccessPolicy.visibility(nobody, new Observation())).isEqualTo(Visibility.HIDDEN);
    }

    @Test
    void theRedactedFlagSaysOnlyWhomToContact() {
        var redacted = FlagRedaction.redact(restrictedFlag());

        assertThat(redacted.getCode().getText()).isEqualTo(FlagRedaction.TEXT);
        assertThat(redacted.getMeta().getSecurity())
                .extracting(Coding::getCode)
                .containsExactlyInAnyOrder("R", "REDACTED");
        assertThat(redacted.getSubject().getReference()).isEqualTo("Patient/1");
        assertThat(redacted.hasCategory()).isFalse();
        assertThat(FlagRedaction.isRedacted(redacted)).isTrue();
        assertThat(FlagRedaction.isRedacted(restrictedFlag())).isFalse();
    }

    @Test
    void aSubscriptionIsVisibleToItsOwnerAndTheAdministratorOnly() {
        var subscription = new org.hl7.fhir.r4.model.Subscription();
        SubscriptionOwners.stamp(subscription, "owner");
        var owner = new Caller(
                "owner",
                Set.of(Role.DASHBOARD),
                List.of(SmartScope.parse("user/*.cruds").orElseThrow()),
                Optional.empty(),
                Optional.empty());

        assertThat(AccessPolicy.visibility(owner, subscription)).isEqualTo(Visibility.FULL);
        assertThat(AccessPolicy.visibility(staff(Role.DASHBOARD), subscription)).isEqualTo(Visibility.HIDDEN);
        assertThat(AccessPolicy.visibility(staff(Role.SAFEGUARDING_LEAD), subscription))
                .as("the lead sees every record, but not another's Subscription")
                .isEqualTo(Visibility.HIDDEN);
        assertThat(AccessPolicy.visibility(staff(Role.ADMIN), subscription)).isEqualTo(Visibility.FULL);
        assertThat(AccessPolicy.mayWrite(staff(Role.ADMIN), "Subscription", Interaction.CREATE))
                .isFalse();
        assertThat(AccessPolicy.mayWrite(staff(Role.ADMIN), "Subscription", Interaction.DELETE))
                .isTrue();
        assertThat(AccessPolicy.mayWrite(staff(Role.RESEARCHER), "Subscription", Interaction.CREATE))
                .isFalse();
        assertThat(AccessPolicy.mayWrite(staff(Role.GP_SUBMITTER), "Subscription", Interaction.CREATE))
                .isFalse();
        for (Role subscriber : List.of(Role.DASHBOARD, Role.CLINICIAN, Role.SAFEGUARDING_LEAD)) {
            assertThat(AccessPolicy.mayWrite(staff(subscriber), "Subscription", Interaction.CREATE))
                    .isTrue();
        }
    }

    private static Caller staff(Role... roles) {
        return new Caller(
                "someone",
                Set.of(roles),
                List.of(SmartScope.parse("user/*.cruds").orElseThrow()),
                Optional.empty(),
                Optional.empty());
    }

    private static Observation labelled(String system, String code) {
        var observation = new Observation();
        observation.getMeta().addSecurity(new Coding(system, code, null));
        return observation;
    }

    private static Flag restrictedFlag() {
        var flag = new Flag();
        flag.setId("Flag/9");
        flag.getMeta().addSecurity(new Coding(RestrictedLabels.CONFIDENTIALITY, "R", null));
        flag.getMeta().addSecurity(new Coding(HT_POLICY, "HT", null));
        flag.addCategory().setText("trafficking");
        flag.getCode().setText("Suspected trafficking");
        flag.setSubject(new Reference("Patient/1"));
        return flag;
    }
}
