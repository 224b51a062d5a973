package org.safeguardfhir.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
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

/** Every request that touches restricted records leaves exactly one AuditEvent; nothing else leaves any. */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    ScreenedPatient screened;
    String patient;
    String flag;
    String restrictedObservation;
    String plainObservation;

    @BeforeAll
    void storeOnePatientsRecords() {
        screened = ScreenedPatient.create(client, jdbc, "1979-09-09");
        patient = screened.patientId();
        flag = screened.flag();
        restrictedObservation = screened.result();
        Reference subject = new Reference(screened.patient());
        var plain = new Observation();
        plain.setStatus(Observation.ObservationStatus.FINAL);
        plain.getCode().setText("Heart rate");
        plain.setSubject(subject.copy());
        plainObservation = client.create().resource(plain).execute().getId().getIdPart();
    }

    @Test
    void aLeadsReadsAndSearchesOfRestrictedRecordsAreAuditedOnceEach() throws Exception {
        String lead = "audit-lead-" + UUID.randomUUID();
        String token = token(lead, Role.SAFEGUARDING_LEAD);

        assertThat(get(token, "Flag/" + flag).statusCode()).isEqualTo(200);
        assertThat(get(token, "Task?patient=Patient/" + patient).statusCode()).isEqualTo(200);
        assertThat(get(token, "Observation/" + plainObservation).statusCode()).isEqualTo(200);

        List<AuditEvent> events = eventsOf(lead);
        assertThat(events).hasSize(2);
        var read = events.stream()
                .filter(e -> e.getSubtypeFirstRep().getCode().equals("read"))
                .findFirst()
                .orElseThrow();
        assertThat(read.getEntityFirstRep().getWhat().getIdentifier().getValue())
                .isEqualTo("Flag/" + flag);
        assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(read.getAgentFirstRep().getRequestor()).isTrue();
        assertThat(read.getAgentFirstRep().getRoleFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("safeguarding-lead");
        var search = events.stream()
                .filter(e -> e.getSubtypeFirstRep().getCode().equals("search-type"))
                .findFirst()
                .orElseThrow();
        assertThat(search.getEntity()).hasSize(3);
    }

    @Test
    void aDenialAndARedactedViewAreAuditedButANarrowedSearchTouchesNothing() throws Exception {
        String clinician = "audit-clinician-" + UUID.randomUUID();
        String token = token(clinician, Role.CLINICIAN);

        assertThat(get(token, "Observation/" + restrictedObservation).statusCode())
                .isEqualTo(404);
        assertThat(get(token, "Flag/" + flag).statusCode()).isEqualTo(200);
        assertThat(get(token, "Observation?subject=Patient/" + patient).statusCode())
                .isEqualTo(200);

        List<AuditEvent> events = eventsOf(clinician);
        assertThat(events).hasSize(2);
        assertThat(events)
                .filteredOn(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._4)
                .singleElement()
                .satisfies(denied -> assertThat(denied.getEntityFirstRep()
                                .getWhat()
                                .getIdentifier()
                                .getValue())
                        .isEqualTo("Observation/" + restrictedObservation));
    }

    @Test
    void creatingARestrictedRecordIsAuditedInItsTransaction() throws Exception {
        String clinician = "audit-writer-" + UUID.randomUUID();
        var observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().setText("Disclosure noted");
        observation.setSubject(new Reference("Patient/" + patient));
        observation.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null);

        String id = FhirClients.forPort(port, token(clinician, Role.CLINICIAN))
                .create()
                .resource(observation)
                .execute()
                .getId()
                .getIdPart();

        assertThat(eventsOf(clinician)).singleElement().satisfies(created -> {
            assertThat(created.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
            assertThat(created.getEntityFirstRep().getWhat().getIdentifier().getValue())
                    .isEqualTo("Observation/" + id);
        });
    }

    @Test
    void anAuditRecordWrittenWhileTheSchedulerIsPausedIsStoredOnceItRunsAgain() throws Exception {
        String lead = "audit-outbox-" + UUID.randomUUID();
        scheduler.pause();
        try {
            assertThat(get(token(lead, Role.SAFEGUARDING_LEAD), "Flag/" + flag).statusCode())
                    .isEqualTo(200);
            assertThat(AuditRecords.pending(jdbc)).isEqualTo(1);
            assertThat(storedEventsOf(lead)).isEmpty();
        } finally {
            scheduler.resume();
        }
        assertThat(eventsOf(lead)).singleElement().satisfies(read -> assertThat(
                        read.getEntityFirstRep().getWhat().getIdentifier().getValue())
                .isEqualTo("Flag/" + flag));
    }

    @Test
    void anAuditedRecordCanStillBeDeletedAndItsTrailIsFoundByItsName() throws Exception {
        String lead = "audit-deleted-" + UUID.randomUUID();
        String token = token(lead, Role.SAFEGUARDING_LEAD);
        var observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().setText("Disclosure noted");
        observation.setSubject(new Reference("Patient/" + patient));
        observation.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null);
        var leadClient = FhirClients.forPort(port, token);
        String id = leadClient.create().resource(observation).execute().getId().getIdPart();
        assertThat(get(token, "Observation/" + id).statusCode()).isEqualTo(200);
        AuditRecords.awaitStored(jdbc);

        leadClient.delete().resourceById("Observation", id).execute();

        AuditRecords.awaitStored(jdbc);
        List<AuditEvent> trail = FhirClients.forPort(port, TestTokens.forRoles(Role.ADMIN))
                .search()
                .byUrl("AuditEvent?record=" + AuditTrail.RECORD_NAME_SYSTEM + "|Observation/" + id)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> (AuditEvent) e.getResource())
                .toList();
        assertThat(trail)
                .extracting(AuditEvent::getAction)
                .containsExactlyInAnyOrder(
                        AuditEvent.AuditEventAction.C, AuditEvent.AuditEventAction.R, AuditEvent.AuditEventAction.D);
    }

    @Test
    void auditEventsAreReadableOnlyByAdminAndTheLead() throws Exception {
        assertThat(get(TestTokens.forRoles(Role.ADMIN), "AuditEvent?_count=1").statusCode())
                .isEqualTo(200);
        assertThat(get(TestTokens.forRoles(Role.SAFEGUARDING_LEAD), "AuditEvent?_count=1")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(TestTokens.forRoles(Role.CLINICIAN), "AuditEvent?_count=1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(TestTokens.forRoles(Role.DASHBOARD), "AuditEvent?_count=1")
                        .statusCode())
                .isEqualTo(403);
    }

    private List<AuditEvent> eventsOf(String subject) {
        AuditRecords.awaitStored(jdbc);
        return storedEventsOf(subject);
    }

    private List<AuditEvent> storedEventsOf(String subject) {
        var admin = FhirClients.forPort(port, TestTokens.forRoles(Role.ADMIN));
        return admin
                .search()
                .byUrl("AuditEvent?altid=" + subject + "&_count=100")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> (AuditEvent) e.getResource())
                .toList();
    }

    private static String token(String subject, Role role) {
        return TestTokens.sign(TestTokens.claims(role).subject(subject).build());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return Http.get(port, token, path);
    }
}
