package org.safeguardfhir.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguardfhir.deidentification.Deidentifier;
import org.safeguardfhir.deidentification.kanonymity.PatientQuasiIdentifiers;
import org.safeguardfhir.server.audit.AuditTrail;
import org.safeguardfhir.server.deidentification.Deidentifiers;
import org.safeguardfhir.server.screening.Screenings;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.AuditRecords;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The research export end to end over HTTP, as a Bulk Data client runs it: kick-off, polling, manifest, NDJSON files.
 *
 * <p>The cohort is made to exercise k-anonymity (k = 5) in a postcode district no other test uses (ZE2, Shetland):
 * six women of 25-34 of Albanian nationality share every quasi-identifier and are exported as they are; three
 * Vietnamese and two Romanian women of the same age and district are each too few, and are exported together once
 * their nationality is removed; one Eritrean man of 76 in ZE3 is alone wherever he goes. Every patient is full of
 * identifying values, and one of the Albanian women and the man are screened through the pipeline, so their
 * screening, result, condition and referrals exist too.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchExportIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String ISO_3166 = "urn:iso:std:iso:3166";

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Deidentifiers deidentifiers;

    @Autowired
    Scheduler scheduler;

    private final String researcher = researcherToken("researcher-a");
    private final List<String> albanians = new ArrayList<>();
    private final List<String> rareNationalities = new ArrayList<>();
    private String loner;
    private String screenedAlbanian;
    private final List<String> identifying = new ArrayList<>();

    @BeforeAll
    void createTheCohort() {
        for (int i = 0; i < 6; i++) {
            albanians.add(patient(
                    "Hoxha" + i,
                    AdministrativeGender.FEMALE,
                    "1996-0" + (i + 1) + "-11",
                    "ZE2 9X" + (char) ('A' + i),
                    "AL"));
        }
        for (int i = 0; i < 3; i++) {
            rareNationalities.add(patient("Nguyen" + i, AdministrativeGender.FEMALE, "1995-03-1" + i, "ZE2 8QP", "VN"));
        }
        for (int i = 0; i < 2; i++) {
            rareNationalities.add(
                    patient("Popescu" + i, AdministrativeGender.FEMALE, "1997-07-0" + (i + 1), "ZE2 7RT", "RO"));
        }
        loner = patient("Tesfaye", AdministrativeGender.MALE, "1950-05-05", "ZE3 1AA", "ER");

        var screenings = new Screenings(client, jdbc);
        screenedAlbanian = albanians.get(0);
        for (String patient : List.of(screenedAlbanian, loner)) {
            String response = screenings.submit(screenings.example("adult-screening-positive", new Reference(patient)));
            screenings.awaitProcessed(response);
            // The lead confirms the concern, which records the suspicion the export then carries.
            client.operation()
                    .onInstance(new IdType("QuestionnaireResponse", response))
                    .named("$confirm-concern")
                    .withNoParameters(Parameters.class)
                    .returnResourceType(Bundle.class)
                    .execute();
        }
    }

    private String patient(
            String family, AdministrativeGender gender, String birthDate, String postcode, String country) {
        String nhsNumber =
                String.valueOf(9_000_000_000L + Math.abs((long) (family + birthDate).hashCode() % 999_999_999L));
        String phone = "07700 9" + String.format("%05d", Math.abs(family.hashCode()) % 100_000);
        String street = (Math.abs(family.hashCode()) % 90 + 10) + " Commercial Street";
        var patient = new Patient()
                .addIdentifier(new Identifier()
                        .setSystem("https://fhir.nhs.uk/Id/nhs-number")
                        .setValue(nhsNumber))
                .setGender(gender)
                .setBirthDateElement(new DateType(birthDate));
        patient.addName().setFamily(family).addGiven("Export");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        patient.addAddress().addLine(street).setCity("Lerwick").setPostalCode(postcode);
        var nationality = new Extension(PatientQuasiIdentifiers.NATIONALITY_URL);
        nationality.addExtension(new Extension(
                "code", new CodeableConcept(new Coding(ISO_3166, country, null)).setText(country + " national")));
        patient.addExtension(nationality);
        identifying.addAll(
                List.of(family, nhsNumber, phone, street, "Lerwick", postcode, birthDate, country + " national"));
        String id = client.create()
                .resource(patient)
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue();
        // As a reference or an id, ended by its quote: a pseudonym could start with the same digits.
        identifying.add(id + "\"");
        identifying.add("\"" + id.substring("Patient/".length()) + "\"");
        return id;
    }

    @AfterEach
    void schedulerRunsAgain() {
        scheduler.resume();
    }

    @Test
    void aResearcherExportsDeidentifiedKAnonymousNdjsonThroughTheBulkDataFlow() throws Exception {
        var kickOff = send(researcher, "GET", "$export", "Prefer", "respond-async", "Accept", "application/fhir+json");

        assertThat(kickOff.statusCode()).isEqualTo(202);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
        assertThat(status).startsWith(FhirClients.advertisedBaseUrl(port) + "/$export-poll-status?_jobId=");

        JsonNode manifest = awaitManifest(researcher, status);
        assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.get("request").asText()).endsWith("/$export");
        assertThat(manifest.get("transactionTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(manifest.get("error")).isEmpty();

        var resources = new HashMap<String, List<IBaseResource>>();
        StringBuilder everything = new StringBuilder();
        for (JsonNode output : manifest.get("output")) {
            var file =
                    send(researcher, "GET", relative(output.get("url").asText()), "Accept", "application/fhir+ndjson");
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+ndjson");
            List<String> lines = file.body().lines().toList();
            assertThat(lines).hasSize(output.get("count").asInt());
            for (String line : lines) {
                IBaseResource resource = FHIR.newJsonParser().parseResource(line);
                assertThat(resource.fhirType()).isEqualTo(output.get("type").asText());
                resources
                        .computeIfAbsent(resource.fhirType(), t -> new ArrayList<>())
                        .add(resource);
            }
            everything.append(file.body());
        }
        assertThat(resources.keySet()).contains("Patient", "QuestionnaireResponse", "Observation", "Condition", "Task");

        // No direct identifier of the cohort survives anywhere, nor any real id.
        for (String value : identifying) {
            assertThat(everything.toString()).as("identifying value " + value).doesNotContain(value);
        }
        assertThat(everything.toString()).doesNotContain("urn:ietf:rfc:3986", "Practitioner/", "\"text\":{");
        assertThat(everything.toString())
                .as("the restricted labels would say what each record is about")
                .doesNotContain("v3-Confidentiality", "v3-ActCode", "safeguarding-security-policy");

        var patients = byId(resources.get("Patient"));
        // Everyone shares their quasi-identifiers with at least four others.
        var groups = new HashMap<List<String>, Integer>();
        patients.values().forEach(p -> groups.merge(PatientQuasiIdentifiers.of((Patient) p), 1, Integer::sum));
        assertThat(groups.values()).allMatch(size -> size >= 5);

        for (String albanian : albanians) {
            var exported = (Patient) patients.get(pseudonym(albanian));
            assertThat(exported).as("common patients are exported").isNotNull();
            assertThat(PatientQuasiIdentifiers.of(exported))
                    .containsExactly("25-34", "female", "ZE2", ISO_3166 + "|AL");
        }
        for (String rare : rareNationalities) {
            var exported = (Patient) patients.get(pseudonym(rare));
            assertThat(exported)
                    .as("rare nationalities are generalised, not dropped")
                    .isNotNull();
            assertThat(PatientQuasiIdentifiers.of(exported)).containsExactly("25-34", "female", "ZE2", "");
            assertThat(exported.getMeta().getSecurity()).anyMatch(c -> "REDACTED".equals(c.getCode()));
        }
        var lonerExported = (Patient) patients.get(pseudonym(loner));
        if (lonerExported != null) {
            assertThat(PatientQuasiIdentifiers.of(lonerExported).get(2))
                    .as("his district")
                    .doesNotContain("ZE3");
            assertThat(PatientQuasiIdentifiers.of(lonerExported).get(3))
                    .as("his nationality")
                    .isEmpty();
        }

        // Every other resource belongs to an exported patient, under the same pseudonym.
        for (String type : List.of("QuestionnaireResponse", "Observation", "Condition", "Task")) {
            for (IBaseResource resource : resources.get(type)) {
                String json = FHIR.newJsonParser().encodeResourceToString(resource);
                String patient = json.replaceAll("(?s).*\"reference\":\"(Patient/[0-9a-f]{64})\".*", "$1");
                assertThat(patients).as(type + " of an exported patient").containsKey(patient);
            }
        }
        String screenedPseudonym = pseudonym(screenedAlbanian);
        assertThat(resources.get("QuestionnaireResponse"))
                .anySatisfy(r -> assertThat(FHIR.newJsonParser().encodeResourceToString(r))
                        .contains(screenedPseudonym));
        assertThat(resources.get("Task"))
                .anySatisfy(r -> assertThat(FHIR.newJsonParser().encodeResourceToString(r))
                        .contains(screenedPseudonym, "referral-pathway"));
        boolean lonerResourcesExported = resources.get("Task").stream()
                .anyMatch(r -> FHIR.newJsonParser().encodeResourceToString(r).contains(pseudonym(loner)));
        assertThat(lonerResourcesExported).as("his referrals go with him").isEqualTo(lonerExported != null);

        // The manifest says what k-anonymity did.
        JsonNode summary = manifest.get("extension").get(ExportManifest.EXTENSION);
        assertThat(summary.get("configuration").asText()).isEqualTo("research");
        assertThat(summary.get("k").asInt()).isEqualTo(5);
        JsonNode counted = summary.get("patients");
        assertThat(counted.get("released").asLong()).isEqualTo(patients.size());
        assertThat(counted.get("released").asLong() + counted.get("suppressed").asLong())
                .isEqualTo(counted.get("total").asLong());
        assertThat(counted.get("total").asLong())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT count(*) FROM hfj_resource WHERE res_type = 'Patient' AND res_deleted_at IS NULL",
                        Long.class));
        assertThat(counted.get("generalisedBy").get("nationality-removed").asLong())
                .isGreaterThanOrEqualTo(5);
        assertThat(counted.get("releasedUnchanged").asLong()
                        + counted.get("generalised").asLong())
                .isEqualTo(patients.size());
    }

    @Test
    void theExportIsTheResearchersAloneAndAudited() throws Exception {
        var kickOff = send(researcher, "GET", "$export?_type=Patient", "Prefer", "respond-async");
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
        JsonNode manifest = awaitManifest(researcher, status);
        String file = relative(manifest.get("output").get(0).get("url").asText());
        String other = researcherToken("researcher-b");

        assertThat(send(other, "GET", relative(status)).statusCode()).isEqualTo(404);
        assertThat(send(other, "GET", file).statusCode()).isEqualTo(404);
        assertThat(send(other, "DELETE", relative(status)).statusCode()).isEqualTo(404);
        assertThat(send(researcher, "GET", file).statusCode())
                .as("still there for its owner")
                .isEqualTo(200);
        assertThat(manifest.get("output"))
                .allSatisfy(o -> assertThat(o.get("type").asText()).isEqualTo("Patient"));

        String job = status.substring(status.indexOf("_jobId=") + 7);
        AuditRecords.awaitStored(jdbc);
        var events = client
                .search()
                .byUrl("AuditEvent?record=" + AuditTrail.EXPORT_SYSTEM + "|" + job)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> (AuditEvent) e.getResource())
                .toList();
        assertThat(events).extracting(e -> e.getSubtype().get(1).getCode()).contains("export", "export-file");
        assertThat(events)
                .allSatisfy(e -> assertThat(e.getAgentFirstRep().getAltId()).isEqualTo("researcher-a"));
    }

    @Test
    void researchPseudonymsCannotBeResolvedToPatients() throws Exception {
        String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"pseudonym\",\"valueString\":\""
                + pseudonym(screenedAlbanian) + "\"}]}";

        var answer = Http.post(port, TestTokens.forRoles(Role.SAFEGUARDING_LEAD), "$resolve-pseudonym", body);

        assertThat(answer.statusCode())
                .as("the research key is not the dashboards'")
                .isEqualTo(404);
        assertThat(pseudonym(screenedAlbanian))
                .isNotEqualTo("Patient/"
                        + deidentifiers
                                .dashboardView()
                                .pseudonym("Patient", screenedAlbanian.substring("Patient/".length()))
                                .orElseThrow());
    }

    @Test
    void anExpiredExportIsGoneAndItsFilesDeleted() throws Exception {
        var job = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO safeguard.export_job (id, owner, configuration, types, request_url, status,"
                        + " transaction_time, expires_at, summary) VALUES (?, 'researcher-expired', 'research',"
                        + " 'Patient', '/fhir/$export', 'completed', now() - interval '2 days', now() - interval '1 day',"
                        + " '{}')",
                job);
        jdbc.update(
                "INSERT INTO safeguard.export_file (job_id, file_number, resource_type, resource_count, content)"
                        + " VALUES (?, 1, 'Patient', 1, '{}')",
                job);
        String token = researcherToken("researcher-expired");

        assertThat(send(token, "GET", "$export-poll-status?_jobId=" + job).statusCode())
                .isEqualTo(404);
        assertThat(send(token, "GET", "$export-file?_jobId=" + job + "&_file=1").statusCode())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> jobsOf("researcher-expired") == 0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM safeguard.export_file WHERE job_id = ?", Long.class, job))
                .isZero();
    }

    @Test
    void onlyResearchersMayExport() throws Exception {
        for (Role role :
                List.of(Role.SAFEGUARDING_LEAD, Role.DASHBOARD, Role.CLINICIAN, Role.GP_SUBMITTER, Role.ADMIN)) {
            var answer = send(TestTokens.forRoles(role), "GET", "$export", "Prefer", "respond-async");
            assertThat(answer.statusCode()).as(role.claimValue()).isEqualTo(403);
            assertThat(answer.body()).contains("OperationOutcome");
        }
        String patientApp = TestTokens.sign(TestTokens.claims(Role.RESEARCHER)
                .claim("scope", "patient/*.rs")
                .claim("patient", "123")
                .build());
        assertThat(send(patientApp, "GET", "$export", "Prefer", "respond-async").statusCode())
                .isEqualTo(403);
        String narrowScopes = TestTokens.sign(TestTokens.claims(Role.RESEARCHER)
                .subject("researcher-narrow")
                .claim("scope", "user/Patient.rs")
                .build());
        assertThat(send(narrowScopes, "GET", "$export", "Prefer", "respond-async")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(narrowScopes, "GET", "$export?_type=Patient", "Prefer", "respond-async")
                        .statusCode())
                .isEqualTo(202);
        assertThat(send(null, "GET", "$export", "Prefer", "respond-async").statusCode())
                .isEqualTo(401);
    }

    @Test
    void badKickOffsAreRefusedWithAnOperationOutcomeAndQueueNothing() throws Exception {
        String token = researcherToken("researcher-bad");
        var refused = List.of(
                send(token, "GET", "$export"),
                send(token, "GET", "$export?_since=2026-01-01T00:00:00Z", "Prefer", "respond-async"),
                send(token, "GET", "$export?_type=Flag", "Prefer", "respond-async"),
                send(token, "GET", "$export?_type=Patient,AuditEvent", "Prefer", "respond-async"),
                send(token, "GET", "$export?_outputFormat=text/csv", "Prefer", "respond-async"),
                send(token, "GET", "$export?deidentification=dashboard", "Prefer", "respond-async"),
                send(token, "GET", "$export?patient=Patient/1", "Prefer", "respond-async"),
                send(token, "GET", "$export?colour=blue", "Prefer", "respond-async"));

        for (var answer : refused) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(400);
            assertThat(answer.body()).contains("OperationOutcome");
        }
        assertThat(jobsOf("researcher-bad")).isZero();
        assertThat(send(token, "GET", "$export-poll-status?_jobId=not-a-job").statusCode())
                .isEqualTo(404);
        assertThat(send(token, "GET", "$export-poll-status").statusCode()).isEqualTo(400);
    }

    @Test
    void aQueuedExportSurvivesUntilTheSchedulerRunsAndOneAtATimeIsAllowed() throws Exception {
        String token = researcherToken("researcher-queue");
        scheduler.pause();

        var first = send(token, "GET", "$export?_type=Patient", "Prefer", "respond-async");
        assertThat(first.statusCode()).isEqualTo(202);
        String status = first.headers().firstValue("Content-Location").orElseThrow();
        var waiting = send(token, "GET", relative(status));
        assertThat(waiting.statusCode()).isEqualTo(202);
        assertThat(waiting.headers().firstValue("X-Progress")).isPresent();
        var second = send(token, "GET", "$export?_type=Patient", "Prefer", "respond-async");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();

        scheduler.resume();
        assertThat(awaitManifest(token, status).get("output")).isNotEmpty();
    }

    @Test
    void cancellingDeletesTheExport() throws Exception {
        String token = researcherToken("researcher-cancel");
        scheduler.pause();
        String status = send(token, "GET", "$export", "Prefer", "respond-async")
                .headers()
                .firstValue("Content-Location")
                .orElseThrow();

        assertThat(send(token, "DELETE", relative(status)).statusCode()).isEqualTo(202);

        assertThat(send(token, "GET", relative(status)).statusCode()).isEqualTo(404);
        assertThat(jobsOf("researcher-cancel")).isZero();
        scheduler.resume();
        assertThat(send(token, "DELETE", relative(status)).statusCode()).isEqualTo(404);
    }

    @Test
    void anExportThatCannotBeMadeEndsAsFailedAfterItsLastAttempt() throws Exception {
        // A job whose configuration was taken out of the server between its kick-off and its making, on its last try.
        var job = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO safeguard.export_job (id, owner, configuration, types, request_url, status, attempts)"
                        + " VALUES (?, 'researcher-failed', 'withdrawn', 'Patient', '/fhir/$export', 'queued', 2)",
                job);
        // Its making, as durable work holds it after two failed attempts.
        jdbc.update(
                "INSERT INTO safeguard.scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                        + " consecutive_failures, version) VALUES ('research-export', ?, ?, clock_timestamp(), false,"
                        + " 2, 1)",
                job.toString(),
                job.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String token = researcherToken("researcher-failed");

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        send(token, "GET", "$export-poll-status?_jobId=" + job).statusCode() != 202);
        var answer = send(token, "GET", "$export-poll-status?_jobId=" + job);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("OperationOutcome").doesNotContain("withdrawn");
        assertThat(send(token, "GET", "$export-file?_jobId=" + job + "&_file=1").statusCode())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "SELECT error FROM safeguard.dead_letter WHERE kind = 'research-export' AND id = ?",
                        String.class,
                        job.toString()))
                .as("the dead letter says where it failed, not what it was exporting")
                .contains("IllegalStateException")
                .doesNotContain("withdrawn");
    }

    private JsonNode awaitManifest(String token, String status) throws Exception {
        var answer = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    answer[0] = send(token, "GET", relative(status));
                    return answer[0].statusCode() != 202;
                });
        assertThat(answer[0].statusCode()).as("the export completed").isEqualTo(200);
        assertThat(answer[0].headers().firstValue("Expires")).isPresent();
        return JSON.readTree((String) answer[0].body());
    }

    private String pseudonym(String patientReference) {
        Deidentifier research = deidentifiers.named("research").orElseThrow();
        return "Patient/"
                + research.pseudonym("Patient", patientReference.substring("Patient/".length()))
                        .orElseThrow();
    }

    private static Map<String, IBaseResource> byId(List<IBaseResource> resources) {
        var byId = new HashMap<String, IBaseResource>();
        resources.forEach(r -> byId.put("Patient/" + r.getIdElement().getIdPart(), r));
        return byId;
    }

    private long jobsOf(String subject) {
        return jdbc.queryForObject("SELECT count(*) FROM safeguard.export_job WHERE owner = ?", Long.class, subject);
    }

    private String relative(String url) {
        return url.substring(FhirClients.advertisedBaseUrl(port).length() + 1);
    }

    private static String researcherToken(String subject) {
        return TestTokens.sign(
                TestTokens.claims(Role.RESEARCHER).subject(subject).build());
    }

    private HttpResponse<String> send(String token, String method, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
