package org.safeguardfhir.server.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguardfhir.server.screening.ScreenedPatient;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.AuditRecords;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakGlassIT {

    static final String REASON = "Patient unconscious in A&E; companion claims to be her brother";

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    String patient;
    String flag;
    String result;
    String otherPatientsResult;

    @BeforeAll
    void storeTwoPatientsScreenings() {
        var first = ScreenedPatient.create(client, jdbc, "1990-02-02");
        var second = ScreenedPatient.create(client, jdbc, "1991-03-03");
        patient = first.patient();
        flag = first.flag();
        result = first.result();
        otherPatientsResult = second.result();
    }

    @Test
    void aClinicianWhoStatesAReasonSeesThatPatientsRestrictedRecordsForAWhile() throws Exception {
        String clinician = "btg-clinician-" + UUID.randomUUID();
        String token = TestTokens.sign(
                TestTokens.claims(Role.CLINICIAN).subject(clinician).build());
        assertThat(get(token, "Observation/" + result, false).statusCode()).isEqualTo(404);

        var broken = get(token, "Observation/" + result, true);

        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).contains("\"HT\"");
        assertThat(get(token, "Observation/" + result, false).statusCode())
                .as("the grant lasts beyond the request that stated the reason")
                .isEqualTo(200);
        var fullFlag = FhirClients.context()
                .newJsonParser()
                .parseResource(Flag.class, get(token, "Flag/" + flag, false).body());
        assertThat(fullFlag.getMeta().getSecurity()).extracting(Coding::getCode).contains("SAFEGUARDING");
        assertThat(get(token, "Observation?subject=" + patient, false).body()).contains("Observation/" + result);
        assertThat(get(token, "Observation/" + otherPatientsResult, false).statusCode())
                .as("another patient's records stay hidden")
                .isEqualTo(404);

        var lead = FhirClients.forPort(port, TestTokens.forRoles(Role.SAFEGUARDING_LEAD));
        List<Task> notifications = lead
                .search()
                .byUrl("Task?patient=" + patient + "&status=requested")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> (Task) e.getResource())
                .filter(t ->
                        t.getCode().getText() != null && t.getCode().getText().startsWith("Break-glass"))
                .toList();
        assertThat(notifications).singleElement().satisfies(task -> {
            assertThat(task.getRequester().getDisplay()).isEqualTo(clinician);
            assertThat(task.getNoteFirstRep().getText()).contains(REASON);
        });

        AuditRecords.awaitStored(jdbc);
        List<AuditEvent> events = FhirClients.forPort(port, TestTokens.forRoles(Role.ADMIN))
                .search()
                .byUrl("AuditEvent?altid=" + clinician + "&_count=100")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> (AuditEvent) e.getResource())
                .toList();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getSubtypeFirstRep().getCode()).isEqualTo("break-glass");
            assertThat(e.getPurposeOfEventFirstRep().getCodingFirstRep().getCode())
                    .isEqualTo("BTG");
        });
        assertThat(events)
                .as("reads after the glass was broken (the denied one before it carries no purpose)")
                .filteredOn(e -> e.getSubtypeFirstRep().getCode().equals("read")
                        && e.getOutcome() == AuditEvent.AuditEventOutcome._0)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getPurposeOfEventFirstRep()
                                .getCodingFirstRep()
                                .getCode())
                        .isEqualTo("BTG"));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> get(token, "Observation/" + result, false).statusCode() == 404);
    }

    @Test
    void breakingTheGlassNeedsAClinicianAPatientAndAReason() throws Exception {
        String clinician = TestTokens.forRoles(Role.CLINICIAN);

        assertThat(send(clinician, "BTG", patient, "").statusCode())
                .as("no reason")
                .isEqualTo(400);
        assertThat(send(clinician, "BTG", "Observation/1", REASON).statusCode())
                .as("not a patient")
                .isEqualTo(400);
        assertThat(send(clinician, "TREAT", patient, REASON).statusCode())
                .as("another purpose")
                .isEqualTo(400);
        assertThat(send(clinician, "BTG", "Patient/does-not-exist", REASON).statusCode())
                .isEqualTo(404);
        assertThat(send(TestTokens.forRoles(Role.GP_SUBMITTER), "BTG", patient, REASON)
                        .statusCode())
                .isEqualTo(403);
        String patientApp = TestTokens.sign(TestTokens.claims(Role.CLINICIAN)
                .claim("scope", "patient/*.rs")
                .claim("patient", patient)
                .build());
        assertThat(send(patientApp, "BTG", patient, REASON).statusCode()).isEqualTo(403);
        String proxy = TestTokens.sign(TestTokens.claims(Role.CLINICIAN)
                .claim("fhirUser", "RelatedPerson/relative-1")
                .build());
        assertThat(send(proxy, "BTG", patient, REASON).statusCode())
                .as("someone acting for the patient, whatever role they claim")
                .isEqualTo(403);
    }

    private HttpResponse<String> get(String token, String path, boolean breakGlass) throws Exception {
        return breakGlass ? request(token, path, "BTG", patient, REASON) : request(token, path, null, null, null);
    }

    private HttpResponse<String> send(String token, String purpose, String who, String reason) throws Exception {
        return request(token, "Observation/" + result, purpose, who, reason);
    }

    private HttpResponse<String> request(String token, String path, String purpose, String who, String reason)
            throws Exception {
        return purpose == null
                ? Http.get(port, token, path)
                : Http.get(
                        port,
                        token,
                        path,
                        "X-Purpose-Of-Use",
                        purpose,
                        "X-Break-Glass-Patient",
                        who,
                        "X-Break-Glass-Reason",
                        reason.isEmpty() ? " " : reason);
    }
}
