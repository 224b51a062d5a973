package org.safeguardfhir.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
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
 * one away.
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

    final List<String> responses = new ArrayList<>();

    @BeforeAll
    void screenInMarchAndApril() {
        var screenings = new Screenings(client, jdbc);
        submit(screenings, "adult-screening-positive", "2019-03-05T10:00:00Z", 9);
        submit(screenings, "adult-screening-negative", "2019-03-20T10:00:00Z", 2);
        submit(screenings, "adult-screening-positive", "2019-04-10T10:00:00Z", 3);
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
    void referralsCountTheTasksMadeFromTheScreeningsRounded() {
        int tasks = 0;
        for (String response : responses) {
            tasks += client.search()
                    .byUrl("Task?focus=QuestionnaireResponse/" + response)
                    .returnBundle(Bundle.class)
                    .execute()
                    .getEntry()
                    .size();
        }
        assertThat(tasks).as("the pipeline referred every positive screening").isGreaterThanOrEqualTo(12);

        var result = statistics(TestTokens.forRoles(Role.RESEARCHER), PERIOD);

        long rounded = Math.round(tasks / 5.0) * 5;
        assertThat(count(measure(result, "referrals"), Map.of())).hasValue((int) rounded);
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
