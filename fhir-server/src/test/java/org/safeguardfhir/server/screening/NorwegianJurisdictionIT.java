package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.FhirServerApplication;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.TestTokens;
import org.safeguardfhir.testfixtures.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code safeguard.jurisdiction=NORWAY} the Norwegian pathways apply: ROSA, barnevernet, the police (112 in
 * danger, 02800 with consent) and the lead's consideration of the duty to avert; no UK pathway is ever planned.
 */
class NorwegianJurisdictionIT {

    static ConfigurableApplicationContext server;
    static Screenings screenings;

    @BeforeAll
    static void start() {
        var database = PostgresTestDatabase.fresh();
        server = new SpringApplicationBuilder(FhirServerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.profiles.active=test",
                        "--safeguard.jurisdiction=NORWAY",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--" + TestTokens.publicKeyProperty(),
                        "--" + TestTokens.issuerProperty());
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        screenings = new Screenings(FhirClients.forPort(port), server.getBean(JdbcTemplate.class));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void highRiskAdultWhoAgreesToRosaIsReferredThereAndTheLeadConsidersTheDutyToAvert() {
        String id = process("adult-screening-amended", "1990-01-01");

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsOnlyKeys("designated-safeguarding-lead", "rosa", "duty-to-avert");
        assertThat(tasks.get("rosa").getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(tasks.get("duty-to-avert").getOwner().getReference()).isNotBlank();
    }

    @Test
    void adultWhoRefusesRosaIsRecordedAsDeclinedWithoutAnyUkNotification() {
        var response = screenings.example("adult-screening-amended", screenings.patient("1990-01-01"));
        Screenings.answer(response, "consent.no.rosa", "no");
        String id = screenings.submit(response);
        screenings.awaitProcessed(id);

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsOnlyKeys("designated-safeguarding-lead", "rosa", "duty-to-avert");
        assertThat(tasks.get("rosa").getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(tasks.get("rosa").getBusinessStatus().getCodingFirstRep().getCode())
                .isEqualTo("declined-by-patient");
    }

    @Test
    void childIsReportedToBarnevernetAndTheLeadConsidersTheDutyToAvert() {
        String id = process("child-screening-positive", "2013-03-03");

        assertThat(tasksByPathway(id)).containsOnlyKeys("designated-safeguarding-lead", "barnevernet", "duty-to-avert");
    }

    @Test
    void immediateDangerGoesToThePoliceEmergencyNumberNotTheAdviceLine() {
        String id = process("adult-screening-immediate-danger", "1990-01-01");

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks)
                .containsKeys("designated-safeguarding-lead", "police-emergency-no", "rosa")
                .doesNotContainKey("police-no");
        assertThat(tasks.get("police-emergency-no").getPriority()).isEqualTo(Task.TaskPriority.STAT);
        var owner = screenings
                .search(
                        Organization.class,
                        "identifier=https://safeguardfhir.org/fhir/sid/referral-directory|police-emergency-no")
                .get(0);
        assertThat(owner.getTelecomFirstRep().getValue()).isEqualTo("112");
    }

    String process(String example, String birthDate) {
        String id = screenings.submit(screenings.example(example, screenings.patient(birthDate)));
        screenings.awaitProcessed(id);
        assertThat(screenings.deadLetters(id)).isZero();
        return id;
    }

    Map<String, Task> tasksByPathway(String responseId) {
        return screenings.search(Task.class, "focus=QuestionnaireResponse/" + responseId).stream()
                .collect(Collectors.toMap(
                        task -> task.getCode().getCodingFirstRep().getCode(), Function.identity()));
    }
}
