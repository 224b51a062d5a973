package org.safeguardfhir.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeguardfhir.routes.referral.ReferralPathway;

/** Which Tasks are referrals sent, and which suspicions still stand, for the statistics. */
class CountingRulesTest {

    private static final List<String> BUSINESS_STATUSES = List.of(
            "awaiting-review",
            "lead-reviewing",
            "awaiting-consent",
            "referred",
            "acknowledged",
            "declined-by-patient",
            "closed-no-further-action",
            "closed-referred");

    static Task task(String status, String businessStatus, String pathway) {
        var task = new Task().setStatus(TaskStatus.fromCode(status)).setIntent(Task.TaskIntent.ORDER);
        if (businessStatus != null) {
            task.setBusinessStatus(
                    new CodeableConcept(new Coding(CountingRules.BUSINESS_STATUS_SYSTEM, businessStatus, null)));
        }
        task.setCode(new CodeableConcept(new Coding(CountingRules.PATHWAY_SYSTEM, pathway, null)));
        task.setFocus(new Reference("QuestionnaireResponse/1"));
        return task;
    }

    @ParameterizedTest(name = "{0} / {1} / {2}: counted {3}")
    @CsvSource(
            nullValues = "none",
            textBlock =
                    """
            # status,      business status,          pathway,                          counted
            in-progress,   referred,                 nrm-first-responder,              true
            in-progress,   acknowledged,             modern-slavery-helpline,          true
            completed,     closed-referred,          child-protection,                 true
            completed,     referred,                 salvation-army-referral-helpline, true
            in-progress,   referred,                 nspcc-ctac,                       true
            in-progress,   referred,                 police-emergency,                 true
            in-progress,   acknowledged,             rosa,                             true
            completed,     closed-referred,          barnevernet,                      true
            in-progress,   referred,                 police-no,                        true
            # the lead's own review and duty Tasks, whatever their state
            in-progress,   referred,                 designated-safeguarding-lead,     false
            completed,     closed-referred,          designated-safeguarding-lead,     false
            in-progress,   lead-reviewing,           designated-safeguarding-lead,     false
            in-progress,   referred,                 duty-to-notify,                   false
            completed,     closed-referred,          duty-to-notify,                   false
            in-progress,   referred,                 duty-to-avert,                    false
            completed,     closed-referred,          duty-to-avert,                    false
            # not (yet) sent
            requested,     awaiting-review,          nrm-first-responder,              false
            requested,     referred,                 nrm-first-responder,              false
            on-hold,       awaiting-consent,         nrm-first-responder,              false
            on-hold,       referred,                 rosa,                             false
            in-progress,   lead-reviewing,           modern-slavery-helpline,          false
            in-progress,   declined-by-patient,      nrm-first-responder,              false
            in-progress,   none,                     nrm-first-responder,              false
            # ended without being sent
            completed,     closed-no-further-action, child-protection,                 false
            cancelled,     closed-no-further-action, nrm-first-responder,              false
            cancelled,     referred,                 nrm-first-responder,              false
            rejected,      referred,                 modern-slavery-helpline,          false
            failed,        referred,                 police-emergency,                 false
            entered-in-error, closed-referred,       child-protection,                 false
            draft,         referred,                 child-protection,                 false
            """)
    void aTaskCountsOnlyWhenItsPathwayWasActuallyUsed(
            String status, String businessStatus, String pathway, boolean counted) {
        assertThat(CountingRules.sentPathway(task(status, businessStatus, pathway)))
                .isEqualTo(counted ? java.util.Optional.of(pathway) : java.util.Optional.empty());
    }

    @Test
    void ofEveryStatusBusinessStatusAndPathwayOnlyTheSentOnesOfThePathwaysOutsideTheLeadCount() {
        var pathways = new ArrayList<String>();
        Stream.of(ReferralPathway.values()).map(ReferralPathway::code).forEach(pathways::add);
        pathways.add("duty-to-avert");
        var counted = new ArrayList<String>();
        for (TaskStatus status : TaskStatus.values()) {
            if (status == TaskStatus.NULL) {
                continue;
            }
            for (String businessStatus : BUSINESS_STATUSES) {
                for (String pathway : pathways) {
                    if (CountingRules.sentPathway(task(status.toCode(), businessStatus, pathway))
                            .isPresent()) {
                        counted.add(status.toCode() + "/" + businessStatus + "/" + pathway);
                    }
                }
            }
        }

        assertThat(counted)
                .as("in-progress or completed, x referred, acknowledged or closed-referred, x the non-lead pathways")
                .hasSize(2 * 3 * (ReferralPathway.values().length - 3))
                .allMatch(c -> c.startsWith("in-progress/") || c.startsWith("completed/"))
                .noneMatch(c -> c.contains("designated-safeguarding-lead")
                        || c.contains("duty-to-notify")
                        || c.contains("duty-to-avert"));
    }

    @Test
    void aBusinessStatusOfAnotherCodeSystemDoesNotCount() {
        var task = task("in-progress", null, "nrm-first-responder");
        task.setBusinessStatus(new CodeableConcept(new Coding("https://example.org/status", "referred", null)));

        assertThat(CountingRules.sentPathway(task)).isEmpty();
    }

    @Test
    void aLeadDutyTaskNamedInAnotherCodeSystemDoesNotCountEither() {
        var task = task("completed", "closed-referred", "nrm-first-responder");
        task.getCode()
                .addCoding(new Coding("https://safeguardfhir.org/fhir/CodeSystem/lead-action", "duty-to-avert", null));

        assertThat(CountingRules.sentPathway(task)).isEmpty();
    }

    @Test
    void aTaskWithoutAReferralPathwayDoesNotCount() {
        var task = task("in-progress", "referred", "nrm-first-responder");
        task.setCode(new CodeableConcept().setText("Call back about the referral"));

        assertThat(CountingRules.sentPathway(task)).isEmpty();
    }

    @ParameterizedTest(name = "verification {0}: stands {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "provisional, true",
                "unconfirmed, true",
                "differential, true",
                "confirmed, true",
                "none, true",
                "refuted, false",
                "entered-in-error, false"
            })
    void aSuspicionCountsUnlessItWasRefutedOrEnteredInError(String verification, boolean stands) {
        var condition = new Condition();
        if (verification != null) {
            condition.setVerificationStatus(
                    new CodeableConcept(new Coding(CountingRules.VERIFICATION_STATUS_SYSTEM, verification, null)));
        }

        assertThat(CountingRules.stands(condition)).isEqualTo(stands);
    }
}
