package org.safeguardfhir.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguardfhir.server.screening.Screenings;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Screenings in two months of 2019 (no other test writes there): eleven in March (nine positive), three positive in
 * April. The counts come back rounded, suppressed where small, and suppressed again where a total would give a small
 * one away. The lead then works the referral Tasks: ten are sent, some are held for consent or declined by the
 * patient, the rest wait, and every review Task of the lead's own is closed as referred on; only the ten count.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeguardingStatisticsIT {

    private static final String PERIOD = "$safeguarding-statistics?start=2019-03-01&end=2019-04-30";

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    /** Referral Tasks the lead sends; more than 7, so their count is published. */
    private static final int SENT = 10;

    private static final String LEAD_REVIEW = "designated-safeguarding-lead";

    /** The lead's own Tasks: the review, and the Tasks to consider a statutory duty. */
    private static final Set<String> LEAD_TASKS = Set.of(LEAD_REVIEW, "duty-to-notify", "duty-to-avert");

    final List<String> responses = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();

    @BeforeAll
    void screenInMarchAndAprilAndWorkTheReferrals() {
        var screenings = new Screenings(client, jdbc);
        submit(screenings, "adult-screening-positive", "2019-03-05T10:00:00Z", 9);
        submit(screenings, "adult-screening-negative", "2019-03-20T10:00:00Z", 2);
        submit(screenings, "adult-screening-positive", "2019-04-10T10:00:00Z", 3);
        for (String response : responses) {
            tasks.addAll(client
                    .search()
                    .byUrl("Task?focus=QuestionnaireResponse/" + response)
                    .returnBundle(Bundle.class)
                    .execute()
                    .getEntry()
                    .stream()
                    .map(entry -> (Task) entry.getResource())
                    .toList());
        }
        var lead = FhirClients.forPort(port, TestTokens.forRoles(Role.SAFEGUARDING_LEAD));
        var reviews =
                tasks.stream().filter(t -> LEAD_TASKS.contains(pathway(t))).toList();
        var referrals = tasks.stream()
                .filter(t -> !LEAD_TASKS.contains(pathway(t)))
                .sorted(Comparator.comparing(t -> t.getIdElement().getIdPart()))
                .toList();
        assertThat(reviews)
                .as("a review Task for the lead per positive screening")
                .hasSizeGreaterThanOrEqualTo(12);
        assertThat(referrals)
                .as("enough referral Tasks to send ten and hold, decline and leave waiting three each")
                .hasSizeGreaterThanOrEqualTo(SENT + 9);
        // The lead's reviews, done and referred on: still the lead's own Tasks, never referrals.
        reviews.forEach(t -> work(lead, t, Task.TaskStatus.COMPLETED, "closed-referred"));
        for (int i = 0; i < SENT; i++) {
            if (i < 6) {
                work(lead, referrals.get(i), Task.TaskStatus.INPROGRESS, "referred");
            } else if (i < 8) {
                work(lead, referrals.get(i), Task.TaskStatus.INPROGRESS, "acknowledged");
            } else {
                work(lead, referrals.get(i), Task.TaskStatus.COMPLETED, "closed-referred");
            }
        }
        for (int i = SENT; i < SENT + 3; i++) {
            work(lead, referrals.get(i), Task.TaskStatus.ONHOLD, "awaiting-consent");
        }
        for (int i = SENT + 3; i < SENT + 6; i++) {
            work(lead, referrals.get(i), Task.TaskStatus.INPROGRESS, "declined-by-patient");
        }
        for (int i = SENT + 6; i < referrals.size(); i++) {
            assertThat(referrals.get(i).getStatus())
                    .as("left as the pipeline made it")
                    .isIn(Task.TaskStatus.REQUESTED, Task.TaskStatus.ONHOLD);
        }
    }

    private void submit(Screenings screenings, String example, String authored, int count) {
        for (int i = 0; i < count; i++) {
            var response = screenings.example(example, screenings.patient("1990-06-15"));
            response.setAuthoredElement(new DateTimeType(authored));
            String id = screenings.submit(response);
            screenings.awaitProcessed(id);
            responses.add(id);
        }
    }

    /** The lead moves a Task on, as a lead's client does: the stored Task with a new status and business status. */
    private static void work(IGenericClient lead, Task task, Task.TaskStatus status, String businessStatus) {
        var current = lead.read()
                .resource(Task.class)
                .withId(task.getIdElement().toUnqualifiedVersionless())
                .execute();
        current.setStatus(status);
        current.setBusinessStatus(new CodeableConcept(new Coding(
                "https://safeguardfhir.org/fhir/CodeSystem/referral-business-status", businessStatus, null)));
        lead.update().resource(current).execute();
    }

    private static String pathway(Task task) {
        return task.getCode().getCoding().stream()
                .filter(c -> "https://safeguardfhir.org/fhir/CodeSystem/referral-pathway".equals(c.getSystem()))
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
    }

    @Test
    void countsByMonthAreRoundedSmallOnesSuppressedAndTheirPartnersToo() {
        var result = statistics(TestTokens.forRoles(Role.DASHBOARD), PERIOD + "&by=period");

        var screenings = measure(result, "screenings");
        assertThat(count(screenings, Map.of("period", "2019-04")))
                .as("3 screenings")
                .isEmpty();
        assertThat(count(screenings, Map.of("period", "2019-03")))
                .as("11 would give the 3 away from the total")
                .isEmpty();
        assertThat(count(screenings, Map.of())).as("14, rounded").hasValue(15);
        var positives = measure(result, "positives");
        assertThat(count(positives, Map.of("period", "2019-04"))).isEmpty();
        assertThat(count(positives, Map.of("period", "2019-03"))).isEmpty();
        assertThat(count(positives, Map.of())).as("12, rounded").hasValue(10);
        assertThat(suppressedCellsMarkedMasked(result)).isTrue();
    }

    @Test
    void referralsCountOnlyTheTasksSentNotTheLeadsReviewsNorHeldDeclinedOrWaitingOnes() {
        var result = statistics(TestTokens.forRoles(Role.RESEARCHER), PERIOD);

        // Counting the 12 or more closed lead reviews would publish 20 or more, the 3 held or the 3 declined 15, the
        // waiting ones 20.
        assertThat(count(measure(result, "referrals"), Map.of()))
                .as("the %d sent", SENT)
                .hasValue(SENT);
    }

    @Test
    void noReferralIsCountedOnTheLeadsReviewPathway() {
        var result = statistics(TestTokens.forRoles(Role.SAFEGUARDING_LEAD), PERIOD + "&by=pathway");

        for (String measure : List.of("referrals", "screenings", "positives")) {
            assertThat(categories(measure(result, measure), "pathway"))
                    .as(measure)
                    .doesNotContainAnyElementsOf(LEAD_TASKS)
                    .isNotEmpty();
        }
        assertThat(categories(measure(result, "screenings"), "pathway"))
                .as("the negative screenings, and the positive ones from which nothing was sent")
                .contains("none");
        assertThat(count(measure(result, "referrals"), Map.of())).hasValue(SENT);
    }

    @Test
    void aCrossTableOfMonthAndAgeBandHasNoLineWithASingleSuppressedCount() {
        var result = statistics(TestTokens.forRoles(Role.SAFEGUARDING_LEAD), PERIOD + "&by=period&by=age-band");

        var screenings = measure(result, "screenings");
        // Everyone was born in 1990: 28 in 2019.
        assertThat(count(screenings, Map.of("period", "2019-04", "age-band", "25-34")))
                .isEmpty();
        assertThat(count(screenings, Map.of("period", "2019-03", "age-band", "25-34")))
                .isEmpty();
        assertThat(count(screenings, Map.of("age-band", "25-34")))
                .as("column total: 14")
                .hasValue(15);
        assertThat(count(screenings, Map.of())).hasValue(15);
    }

    @Test
    void onlyTheLeadDashboardsAndResearchersMayAsk() throws Exception {
        for (Role role : List.of(Role.CLINICIAN, Role.GP_SUBMITTER, Role.ADMIN)) {
            assertThat(Http.get(port, TestTokens.forRoles(role), PERIOD).statusCode())
                    .as(role.claimValue())
                    .isEqualTo(403);
        }
        String patientApp = TestTokens.sign(TestTokens.claims(Role.DASHBOARD)
                .claim("scope", "patient/*.rs")
                .claim("patient", "123")
                .build());
        assertThat(Http.get(port, patientApp, PERIOD).statusCode()).isEqualTo(403);
        assertThat(Http.get(port, null, PERIOD).statusCode()).isEqualTo(401);
    }

    @Test
    void badParametersAreRefusedWithAnOperationOutcome() throws Exception {
        String token = TestTokens.forRoles(Role.DASHBOARD);
        for (String query : List.of(
                "$safeguarding-statistics?end=2019-04-30",
                "$safeguarding-statistics?start=2019-03&end=2019-04-30",
                "$safeguarding-statistics?start=2019-05-01&end=2019-04-30",
                PERIOD + "&by=nationality",
                PERIOD + "&by=period&by=period")) {
            HttpResponse<String> response = Http.get(port, token, query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(FhirClients.context().newJsonParser().parseResource(response.body()))
                    .as(query)
                    .isInstanceOf(OperationOutcome.class);
        }
    }

    private Parameters statistics(String token, String query) {
        try {
            HttpResponse<String> response = Http.get(port, token, query);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return FhirClients.context().newJsonParser().parseResource(Parameters.class, response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParametersParameterComponent measure(Parameters result, String name) {
        return result.getParameter().stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The count of the cell (or total) with exactly these categories; empty when suppressed. */
    private static Optional<Integer> count(ParametersParameterComponent measure, Map<String, String> categories) {
        var cell = measure.getPart().stream()
                .filter(part -> {
                    var named = part.getPart().stream()
                            .filter(p -> !p.getName().equals("count"))
                            .toList();
                    return named.size() == categories.size()
                            && named.stream()
                                    .allMatch(p -> p.getValue().primitiveValue().equals(categories.get(p.getName())));
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + categories));
        var count = (IntegerType) cell.getPart().stream()
                .filter(p -> p.getName().equals("count"))
                .findFirst()
                .orElseThrow()
                .getValue();
        return Optional.ofNullable(count.getValue());
    }

    /** The categories of a dimension that the cells of a measure name. */
    private static Set<String> categories(ParametersParameterComponent measure, String dimension) {
        return measure.getPart().stream()
                .flatMap(cell -> cell.getPart().stream())
                .filter(p -> p.getName().equals(dimension))
                .map(p -> p.getValue().primitiveValue())
                .collect(Collectors.toSet());
    }

    private static boolean suppressedCellsMarkedMasked(Parameters result) {
        return result.getParameter().stream()
                .flatMap(p -> p.getPart().stream())
                .flatMap(cell -> cell.getPart().stream())
                .filter(p -> p.getName().equals("count"))
                .map(p -> (IntegerType) p.getValue())
                .filter(v -> v.getValue() == null)
                .allMatch(v -> "masked"
                        .equals(v.getExtensionByUrl(SafeguardingStatisticsProvider.DATA_ABSENT_REASON)
                                .getValue()
                                .primitiveValue()));
    }
}
