package org.safeguardfhir.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.safeguardfhir.server.screening.ScreenedPatient;
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
 * The access matrix: each kind of caller against each read path, on one patient's restricted records (a processed
 * positive screening: its response, Flag, Tasks, result Observation) and unrestricted ones (two plain Observations,
 * one of which points at the restricted response). The policy table in docs/access-control.md states the same
 * expectations.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    /** The callers of the policy table. Patient apps and proxies claim the clinician role too: it must not help. */
    enum Who {
        LEAD(Role.SAFEGUARDING_LEAD),
        CLINICIAN(Role.CLINICIAN),
        GP_SUBMITTER(Role.GP_SUBMITTER),
        DASHBOARD(Role.DASHBOARD),
        RESEARCHER(Role.RESEARCHER),
        ADMIN(Role.ADMIN),
        PATIENT_APP(Role.CLINICIAN),
        PROXY(Role.CLINICIAN);

        final Role role;

        Who(Role role) {
            this.role = role;
        }

        boolean seesUnrestrictedRecords() {
            return this == LEAD || this == CLINICIAN || this == PATIENT_APP || this == PROXY;
        }

        String token(String patientId) {
            JWTClaimsSet.Builder claims = TestTokens.claims(role).subject("matrix-" + name());
            if (this == PATIENT_APP) {
                claims.claim("scope", "patient/*.rs").claim("patient", patientId);
            } else if (this == PROXY) {
                claims.claim("fhirUser", "RelatedPerson/companion");
            }
            return TestTokens.sign(claims.build());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    String patient;
    String response;
    String flag;
    String leadTask;
    String restrictedObservation;
    String plainObservation;
    String derivedObservation;

    @BeforeAll
    void storeOnePatientsRecords() {
        var screened = ScreenedPatient.create(client, jdbc, "1985-05-05");
        Reference subject = new Reference(screened.patient());
        patient = screened.patientId();
        response = screened.response();
        flag = screened.flag();
        restrictedObservation = screened.result();
        leadTask = ScreenedPatient.only(
                client,
                "Task?identifier=" + ReferralIdentifiers.TASK_SYSTEM + "|" + response
                        + ".designated-safeguarding-lead");
        plainObservation = create(plain(subject));
        var derived = plain(subject);
        derived.addDerivedFrom(new Reference("QuestionnaireResponse/" + response));
        derivedObservation = create(derived);
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void readsEachRecordAsThePolicySays(Who who) throws Exception {
        Map<String, Integer> expected =
                switch (who) {
                    case LEAD -> statuses(200, 200, 200, 200, 200, 200);
                    case CLINICIAN -> statuses(200, 200, 404, 404, 200, 404);
                    case PATIENT_APP, PROXY -> statuses(200, 200, 404, 404, 404, 404);
                    case GP_SUBMITTER -> statuses(200, 403, 403, 403, 403, 403);
                    case DASHBOARD -> statuses(403, 403, 403, 403, 403, 200);
                    case RESEARCHER, ADMIN -> statuses(403, 403, 403, 403, 403, 403);
                };
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String path : expected.keySet()) {
            actual.put(path, get(who, path).statusCode());
        }

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void searchesFindOnlyWhatTheCallerMaySee(Who who) throws Exception {
        var found = get(who, "Observation?subject=Patient/" + patient);

        if (!who.seesUnrestrictedRecords()) {
            assertThat(found.statusCode()).isEqualTo(403);
            return;
        }
        Set<String> expected = who == Who.LEAD
                ? Set.of(plainObservation, derivedObservation, restrictedObservation)
                : Set.of(plainObservation, derivedObservation);
        assertThat(ids(bundle(found))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(
            value = Who.class,
            names = {"LEAD", "CLINICIAN", "PATIENT_APP", "PROXY"})
    void includesAndRevincludesShowOnlyWhatTheCallerMaySee(Who who) throws Exception {
        var included = bundle(get(who, "Observation?_id=" + derivedObservation + "&_include=Observation:derived-from"));
        var revincluded = bundle(get(who, "Patient?_id=" + patient + "&_revinclude=Flag:patient"));

        assertThat(ids(included).contains(response)).isEqualTo(who == Who.LEAD);
        var flags = resources(revincluded, Flag.class);
        switch (who) {
            case LEAD ->
                assertThat(flags).hasSize(2).allSatisfy(f -> assertThat(labels(f))
                        .containsExactlyInAnyOrder("R", "SAFEGUARDING"));
            case CLINICIAN -> assertThat(flags).hasSize(2).allSatisfy(AccessMatrixIT::assertRedactedShape);
            default -> assertThat(flags).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void searchParametersThatCouldProbeRestrictedDataAreRefused(Who who) throws Exception {
        String screeningCode = URLEncoder.encode(
                "https://safeguardfhir.org/fhir/CodeSystem/screening-observation|trafficking-screening-result",
                StandardCharsets.UTF_8);
        List<String> probes = List.of(
                "Patient?_has:Observation:subject:code=" + screeningCode,
                "Observation?subject:Patient.identifier=x",
                "Observation?_security=R",
                "Observation?_text=trafficking",
                "Observation?_filter=status%20eq%20final");
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String probe : probes) {
            boolean maySearch = probe.startsWith("Patient")
                    ? who == Who.GP_SUBMITTER || who.seesUnrestrictedRecords()
                    : who.seesUnrestrictedRecords();
            // The server offers no _text (no full-text index) or _filter at all: 400 for the lead too.
            boolean offered = !probe.contains("_text") && !probe.contains("_filter");
            expected.put(probe, who == Who.LEAD ? (offered ? 200 : 400) : maySearch ? 400 : 403);
            actual.put(probe, get(who, probe).statusCode());
        }

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(
            value = Who.class,
            names = {"LEAD", "CLINICIAN", "PATIENT_APP", "PROXY"})
    void countsAreRefusedToEveryoneSinceNoCountCanBeFilteredPerResource(Who who) throws Exception {
        for (String count : List.of("_summary=count", "_total=accurate")) {
            var answer = get(who, "Observation?subject=Patient/" + patient + "&" + count);

            assertThat(answer.statusCode()).as(count).isEqualTo(400);
            assertThat(answer.body()).as(count).doesNotContain("\"total\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void historyMetaEverythingAndGraphqlAreOnlyForTheLead(Who who) throws Exception {
        List<String> paths = List.of(
                "Observation/" + plainObservation + "/_history",
                "Observation/_history",
                "_history",
                "Observation/" + plainObservation + "/$meta",
                "Patient/" + patient + "/$everything");
        for (String path : paths) {
            assertThat(get(who, path).statusCode()).as(path).isEqualTo(who == Who.LEAD ? 200 : 403);
        }
        assertThat(get(who, "$graphql?query=%7BPatientList%7Bid%7D%7D").statusCode())
                .as("GraphQL is not offered")
                .isNotEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void statisticsAreForTheLeadDashboardsAndResearchers(Who who) throws Exception {
        boolean allowed = who == Who.LEAD || who == Who.DASHBOARD || who == Who.RESEARCHER;
        assertThat(get(who, "$safeguarding-statistics?start=2026-01-01&end=2026-12-31")
                        .statusCode())
                .isEqualTo(allowed ? 200 : 403);
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void researchExportsAreForResearchersOnly(Who who) throws Exception {
        var kickOff = Http.get(port, who.token(patient), "$export?_type=Patient", "Prefer", "respond-async");

        assertThat(kickOff.statusCode()).isEqualTo(who == Who.RESEARCHER ? 202 : 403);
        if (who == Who.RESEARCHER) {
            var cancelled = http.send(
                    HttpRequest.newBuilder(URI.create(kickOff.headers()
                                    .firstValue("Content-Location")
                                    .orElseThrow()))
                            .header("Authorization", "Bearer " + who.token(patient))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(cancelled.statusCode()).isEqualTo(202);
        }
    }

    @Test
    void aClinicianSeesTheFlagRedactedByReadVreadAndSearch() throws Exception {
        var read = parse(get(Who.CLINICIAN, "Flag/" + flag).body(), Flag.class);
        var version = parse(get(Who.CLINICIAN, "Flag/" + flag + "/_history/1").body(), Flag.class);
        var searched = resources(bundle(get(Who.CLINICIAN, "Flag?patient=" + patient)), Flag.class);

        assertRedacted(read);
        assertRedacted(version);
        assertThat(searched)
                .allSatisfy(AccessMatrixIT::assertRedactedShape)
                .extracting(found -> found.getCode().getText())
                .as("each Flag tells the clinician what to do")
                .containsExactlyInAnyOrder(
                        "Safeguarding concern: see the patient alone and contact the safeguarding lead",
                        "Do not phone or write to the patient before checking the safe contact route with the"
                                + " safeguarding lead");
        assertThat(get(Who.CLINICIAN, "Flag?patient=" + patient + "&code=x").statusCode())
                .as("a search by code could tell the real code")
                .isEqualTo(400);
        assertThat(get(Who.CLINICIAN, "Flag?patient=" + patient + "&_include=Flag:author")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void pagesOfASearchServeOnlyWhoeverMayHaveRunIt() throws Exception {
        var first = bundle(get(Who.LEAD, "Observation?subject=Patient/" + patient + "&_count=1"));
        String next = first.getLink("next").getUrl();
        String page = next.substring(next.indexOf("/fhir") + "/fhir".length());

        assertThat(get(Who.LEAD, page).statusCode()).isEqualTo(200);
        var otherLead = TestTokens.sign(TestTokens.claims(Role.SAFEGUARDING_LEAD)
                .subject("another-lead")
                .build());
        assertThat(get(otherLead, page).statusCode()).isEqualTo(200);
        assertThat(get(Who.CLINICIAN, page).statusCode()).isEqualTo(410);

        // The clinician's own paging sees two records in two pages, and no trace of the third.
        var mine = bundle(get(Who.CLINICIAN, "Observation?subject=Patient/" + patient + "&_count=1"));
        String mineNext = mine.getLink("next").getUrl();
        var second = bundle(get(Who.CLINICIAN, mineNext.substring(mineNext.indexOf("/fhir") + "/fhir".length())));
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();
    }

    @Test
    void writesNeedTheRoleForTheType() throws Exception {
        var flagByGp = post(Who.GP_SUBMITTER, "Flag", "{\"resourceType\":\"Flag\",\"status\":\"active\"}");
        var patientByDashboard = post(Who.DASHBOARD, "Patient", "{\"resourceType\":\"Patient\"}");
        var byPatientApp = post(Who.PATIENT_APP, "Patient", "{\"resourceType\":\"Patient\"}");

        assertThat(flagByGp.statusCode()).isEqualTo(403);
        assertThat(patientByDashboard.statusCode()).isEqualTo(403);
        assertThat(byPatientApp.statusCode()).isEqualTo(403);
    }

    @Test
    void aClinicianCannotOverwriteOrDeleteARestrictedRecordItMayNotSee() throws Exception {
        var overwrite = http.send(
                HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/Observation/" + restrictedObservation))
                        .header("Authorization", "Bearer " + Who.CLINICIAN.token(patient))
                        .header("Content-Type", "application/fhir+json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                """
                                {"resourceType":"Observation","id":"%s","status":"final",
                                 "code":{"text":"overwritten"},"subject":{"reference":"Patient/%s"}}"""
                                        .formatted(restrictedObservation, patient)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(overwrite.statusCode()).isEqualTo(403);
        var stored = parse(get(Who.LEAD, "Observation/" + restrictedObservation).body(), Observation.class);
        assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aTransactionWithOneForbiddenEntryStoresNothing() throws Exception {
        String family = "Forbidden" + System.nanoTime();
        String transaction =
                """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"resource":{"resourceType":"Patient","name":[{"family":"%s"}]},
                   "request":{"method":"POST","url":"Patient"}},
                  {"resource":{"resourceType":"Flag","status":"active"},"request":{"method":"POST","url":"Flag"}}]}"""
                        .formatted(family);

        var answer = post(Who.GP_SUBMITTER, "", transaction);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(bundle(get(Who.LEAD, "Patient?family=" + family)).getEntry()).isEmpty();
    }

    @Test
    void aSubmitterCannotReadBackTheScreeningItSubmitted() throws Exception {
        var screenings = new Screenings(FhirClients.forPort(port, Who.GP_SUBMITTER.token(patient)), jdbc);
        String id =
                screenings.submit(screenings.example("adult-screening-positive", new Reference("Patient/" + patient)));

        assertThat(get(Who.GP_SUBMITTER, "QuestionnaireResponse/" + id).statusCode())
                .isEqualTo(403);
        assertThat(get(Who.LEAD, "QuestionnaireResponse/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aSubmittersConditionalResubmissionFindsTheResponseItCannotRead() throws Exception {
        var screenings = new Screenings(FhirClients.forPort(port, Who.GP_SUBMITTER.token(patient)), jdbc);
        var response = screenings.example("adult-screening-positive", new Reference("Patient/" + patient));
        var gp = FhirClients.forPort(port, Who.GP_SUBMITTER.token(patient));
        String condition = "identifier=" + response.getIdentifier().getSystem() + "|"
                + response.getIdentifier().getValue();

        var first = gp.create()
                .resource(response)
                .conditionalByUrl("QuestionnaireResponse?" + condition)
                .execute();
        var again = http.send(
                HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/QuestionnaireResponse"))
                        .header("Authorization", "Bearer " + Who.GP_SUBMITTER.token(patient))
                        .header("Content-Type", "application/fhir+json")
                        .header("If-None-Exist", condition)
                        .header("Prefer", "return=representation")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FhirClients.context().newJsonParser().encodeResourceToString(response)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.getCreated()).isTrue();
        assertThat(again.statusCode()).as("the resubmission matched the first").isEqualTo(200);
        assertThat(again.body()).as("but shows nothing of it").doesNotContain("\"QuestionnaireResponse\"");
        assertThat(FhirClients.forPort(port, Who.LEAD.token(patient))
                        .search()
                        .byUrl("QuestionnaireResponse?" + condition)
                        .returnBundle(Bundle.class)
                        .execute()
                        .getEntry())
                .hasSize(1);
    }

    @Test
    void readsInsideABatchAreRefusedToThoseWhoDoNotSeeEverything() throws Exception {
        String batch =
                """
                {"resourceType":"Bundle","type":"batch","entry":[
                  {"request":{"method":"GET","url":"Flag?patient=%s"}}]}"""
                        .formatted(patient);

        assertThat(post(Who.CLINICIAN, "", batch).statusCode()).isEqualTo(400);
        assertThat(post(Who.LEAD, "", batch).statusCode()).isEqualTo(200);
    }

    /** Expected statuses of reading the patient, the plain and the restricted Observation, response, Flag, Task. */
    private Map<String, Integer> statuses(int... expected) {
        var paths = List.of(
                "Patient/" + patient,
                "Observation/" + plainObservation,
                "Observation/" + restrictedObservation,
                "QuestionnaireResponse/" + response,
                "Flag/" + flag,
                "Task/" + leadTask);
        var map = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < paths.size(); i++) {
            map.put(paths.get(i), expected[i]);
        }
        return map;
    }

    private static void assertRedacted(Flag flag) {
        assertThat(flag.getCode().getText())
                .isEqualTo("Safeguarding concern: see the patient alone and contact the safeguarding lead");
        assertRedactedShape(flag);
    }

    private static void assertRedactedShape(Flag flag) {
        assertThat(labels(flag)).containsExactlyInAnyOrder("R", "REDACTED");
        assertThat(flag.hasIdentifier()).isFalse();
        assertThat(flag.hasCategory()).isFalse();
        assertThat(flag.hasAuthor()).isFalse();
        assertThat(flag.getMeta().hasProfile()).isFalse();
        assertThat(FhirClients.context().newJsonParser().encodeResourceToString(flag))
                .doesNotContainIgnoringCase("traffick")
                .doesNotContain("SDV")
                .doesNotContain("\"HT\"");
    }

    private static Set<String> labels(Resource resource) {
        return resource.getMeta().getSecurity().stream().map(Coding::getCode).collect(Collectors.toSet());
    }

    private Observation plain(Reference subject) {
        var observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding(new Coding("http://loinc.org", "8867-4", "Heart rate"));
        observation.setSubject(subject.copy());
        return observation;
    }

    private String create(Resource resource) {
        return client.create().resource(resource).execute().getId().getIdPart();
    }

    private HttpResponse<String> get(Who who, String path) throws Exception {
        return get(who.token(patient), path);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return Http.get(port, token, path);
    }

    private HttpResponse<String> post(Who who, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + (path.isEmpty() ? "" : "/" + path)))
                        .header("Authorization", "Bearer " + who.token(patient))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Bundle bundle(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body(), Bundle.class);
    }

    private static <T extends IBaseResource> T parse(String body, Class<T> type) {
        return FhirClients.context().newJsonParser().parseResource(type, body);
    }

    private static Set<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .collect(Collectors.toSet());
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
