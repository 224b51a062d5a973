package org.safeguardfhir.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguardfhir.server.audit.AuditTrail;
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

/**
 * The dashboard's pseudonymised view of referral Tasks, against the safeguarding lead's full one: two patients
 * screened positive through the pipeline, and five Tasks of March 2017 (a month no other test writes in) to page and
 * sort. The lead turns a pseudonym back into its patient, and each time it is audited.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardViewIT {

    private static final String DASHBOARD = TestTokens.sign(
            TestTokens.claims(Role.DASHBOARD).subject("wall-display").build());
    private static final String LEAD = TestTokens.sign(
            TestTokens.claims(Role.SAFEGUARDING_LEAD).subject("lead-amy").build());
    private static final String PSEUDONYM = "Patient/[0-9a-f]{64}";

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    ScreenedPatient first;
    ScreenedPatient second;
    Patient firstPatient;
    List<Task> firstTasks;
    final List<String> march2017 = new ArrayList<>();

    @BeforeAll
    void screenTwoPatientsAndWriteTasksOfMarch2017() {
        first = ScreenedPatient.create(client, jdbc, "1996-02-29");
        second = ScreenedPatient.create(client, jdbc, "1971-10-01");
        firstPatient =
                client.read().resource(Patient.class).withId(first.patientId()).execute();
        firstTasks = tasksOf(first);
        assertThat(firstTasks).as("the pipeline referred the first patient").hasSizeGreaterThan(1);
        for (int day = 1; day <= 5; day++) {
            var task = new Task()
                    .setStatus(Task.TaskStatus.REQUESTED)
                    .setIntent(Task.TaskIntent.ORDER)
                    .setPriority(day % 2 == 0 ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE)
                    .setFor(new Reference(second.patient()))
                    .setAuthoredOnElement(new DateTimeType("2017-03-0" + day + "T09:00:00Z"));
            task.getCode().setText("Call back about the referral");
            task.addNote().setText("Spoke to her brother at the door");
            task.getMeta()
                    .addSecurity(new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null));
            march2017.add(client.create().resource(task).execute().getId().getIdPart());
        }
    }

    @Test
    void theDashboardReadsATaskWithItsStateAndPathwayAndOnlyAPseudonymForThePatient() throws Exception {
        Task full = firstTasks.get(0);

        Task shown = parse(ok(Http.get(port, DASHBOARD, "Task/" + full.getIdPart())), Task.class);

        assertThat(shown.getIdPart()).isEqualTo(full.getIdPart());
        assertThat(shown.getStatus()).isEqualTo(full.getStatus());
        assertThat(shown.getPriority()).isEqualTo(full.getPriority());
        assertThat(shown.getIntent()).isEqualTo(full.getIntent());
        assertThat(shown.getCode().getCodingFirstRep().getCode())
                .isEqualTo(full.getCode().getCodingFirstRep().getCode());
        assertThat(shown.getBusinessStatus().getCodingFirstRep().getCode())
                .isEqualTo(full.getBusinessStatus().getCodingFirstRep().getCode());
        assertThat(shown.getOwner().getReference()).isEqualTo(full.getOwner().getReference());
        assertThat(shown.getAuthoredOnElement().getValueAsString())
                .isEqualTo(full.getAuthoredOnElement().getValueAsString().substring(0, 7));
        assertThat(shown.getFor().getReference()).matches(PSEUDONYM);
        assertThat(shown.hasFocus() || shown.hasRequester() || shown.hasIdentifier() || shown.hasNote())
                .isFalse();
        assertThat(labels(shown)).containsExactlyInAnyOrder("REDACTED", "PSEUDED", "ABSTRED");
        assertNothingIdentifying(json(shown));
    }

    @Test
    void theLeadReadsTheSameTaskInFull() throws Exception {
        Task full = parse(ok(Http.get(port, LEAD, "Task/" + firstTasks.get(0).getIdPart())), Task.class);

        assertThat(full.getFor().getReference()).isEqualTo(first.patient());
        assertThat(full.getFocus().getReference()).isEqualTo("QuestionnaireResponse/" + first.response());
        assertThat(labels(full)).contains("R", "HT");
    }

    @Test
    void aPatientKeepsOnePseudonymAcrossTasksAndTwoPatientsHaveTwo() throws Exception {
        Set<String> firstPseudonyms = new java.util.HashSet<>();
        for (Task task : firstTasks) {
            firstPseudonyms.add(parse(ok(Http.get(port, DASHBOARD, "Task/" + task.getIdPart())), Task.class)
                    .getFor()
                    .getReference());
        }
        Task secondTask = tasksOf(second).get(0);
        String secondPseudonym = parse(ok(Http.get(port, DASHBOARD, "Task/" + secondTask.getIdPart())), Task.class)
                .getFor()
                .getReference();

        var searched = bundle(
                ok(Http.get(port, DASHBOARD, "Task?_id=" + firstTasks.get(0).getIdPart())));

        assertThat(firstPseudonyms).hasSize(1);
        assertThat(secondPseudonym).matches(PSEUDONYM).isNotIn(firstPseudonyms);
        assertThat(((Task) searched.getEntryFirstRep().getResource()).getFor().getReference())
                .as("a search shows the same pseudonym as a read")
                .isIn(firstPseudonyms);
    }

    @Test
    void aTaskCannotBeCreatedUnderANameTheClientChose() throws Exception {
        var named = new Task()
                .setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setFor(new Reference(first.patient()));
        named.setId("referral-for-amira");

        var answer = Http.put(port, LEAD, "Task/referral-for-amira", json(named));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("OperationOutcome").contains("ids from the server");
        assertThat(Http.get(port, LEAD, "Task/referral-for-amira").statusCode()).isEqualTo(404);
    }

    @Test
    void searchSortAndPagingWorkOnThePseudonymisedView() throws Exception {
        var ascending = walk(DASHBOARD, "Task?authored-on=2017-03&_sort=authored-on&_count=2");
        var descending = walk(DASHBOARD, "Task?authored-on=2017-03&_sort=-authored-on&_count=2");
        var urgent = walk(DASHBOARD, "Task?authored-on=2017-03&priority=urgent");

        assertThat(ascending).extracting(Task::getIdPart).containsExactlyElementsOf(march2017);
        assertThat(descending).extracting(Task::getIdPart).containsExactlyElementsOf(reversed(march2017));
        assertThat(urgent).extracting(Task::getIdPart).containsExactlyInAnyOrder(march2017.get(1), march2017.get(3));
        assertThat(ascending).allSatisfy(task -> {
            assertThat(task.getAuthoredOnElement().getValueAsString()).isEqualTo("2017-03");
            assertThat(task.hasNote()).isFalse();
            assertThat(task.getCode().hasText()).isFalse();
            assertThat(task.getFor().getReference()).matches(PSEUDONYM);
        });
    }

    @Test
    void theDashboardsPagesAreItsOwn() throws Exception {
        var page = bundle(ok(Http.get(port, DASHBOARD, "Task?authored-on=2017-03&_count=2")));
        String next = relative(page.getLink("next").getUrl());

        assertThat(Http.get(port, TestTokens.forRoles(Role.CLINICIAN), next).statusCode())
                .isEqualTo(410);
    }

    @Test
    void twoDashboardsAndTheLeadRunningTheSameSearchEachPageThroughTheirOwn() throws Exception {
        String other = TestTokens.sign(
                TestTokens.claims(Role.DASHBOARD).subject("office-screen").build());
        String search = "Task?authored-on=2017-03&_sort=authored-on&_count=2";

        assertThat(walk(DASHBOARD, search)).extracting(Task::getIdPart).containsExactlyElementsOf(march2017);
        assertThat(walk(other, search)).extracting(Task::getIdPart).containsExactlyElementsOf(march2017);
        assertThat(walk(LEAD, search))
                .allSatisfy(task -> assertThat(task.getNote()).isNotEmpty())
                .extracting(Task::getIdPart)
                .containsExactlyElementsOf(march2017);
        assertThat(walk(DASHBOARD, search))
                .allSatisfy(task -> assertThat(task.hasNote()).isFalse());
    }

    @Test
    void theDashboardSeesTheOwningOrganizationsByNameAndTypeOnly() throws Exception {
        String owner = firstTasks.get(0).getOwner().getReference();
        Organization full = parse(ok(Http.get(port, LEAD, owner)), Organization.class);

        Organization shown = parse(ok(Http.get(port, DASHBOARD, owner)), Organization.class);
        var byName = bundle(ok(Http.get(
                port, DASHBOARD, "Organization?name=" + URLEncoder.encode(full.getName(), StandardCharsets.UTF_8))));

        assertThat(shown.getName()).isEqualTo(full.getName());
        assertThat(shown.hasIdentifier() || shown.hasTelecom() || shown.hasAddress() || shown.hasExtension())
                .isFalse();
        assertThat(labels(shown)).contains("REDACTED");
        assertThat(byName.getEntry())
                .extracting(entry -> entry.getResource().getIdElement().getIdPart())
                .contains(full.getIdPart());
    }

    @Test
    void searchesByWhatTheViewRemovesAreRefused() throws Exception {
        String patient = first.patient();
        List<String> probes = List.of(
                "Task?patient=" + patient,
                "Task?subject=" + patient,
                "Task?focus=QuestionnaireResponse/" + first.response(),
                "Task?identifier=x",
                "Task?requester=Practitioner/1",
                "Task?owner.name=x",
                "Task?owner:identifier=x",
                "Task?_has:Flag:subject:status=active",
                "Task?_include=Task:patient",
                "Task?_revinclude=Provenance:target",
                "Task?authored-on=2017-03-02",
                "Task?authored-on=ge2017-03-02T00:00:00Z",
                "Task?_lastUpdated=ge2017-01-01",
                "Task?_sort=_lastUpdated",
                "Task?_sort=patient",
                "Task?_total=accurate",
                "Task?_summary=count",
                "Task?_content=brother",
                "Organization?identifier=x",
                "Organization?address=Manchester");
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String probe : probes) {
            var answer = Http.get(port, DASHBOARD, probe);
            statuses.put(probe, answer.statusCode());
            assertThat(answer.body()).as(probe).contains("OperationOutcome").doesNotContain(first.patient());
        }

        assertThat(statuses)
                .allSatisfy((probe, status) -> assertThat(status).as(probe).isEqualTo(400));
    }

    @Test
    void noOtherReadPathReachesThePatient() throws Exception {
        String task = firstTasks.get(0).getIdPart();
        List<String> forbidden = List.of(
                first.patient(),
                "Patient?_id=" + first.patientId(),
                "QuestionnaireResponse/" + first.response(),
                "Flag/" + first.flag(),
                "Observation/" + first.result(),
                "RelatedPerson",
                "Practitioner",
                "AuditEvent",
                "Task/" + task + "/_history",
                "Task/" + task + "/_history/1",
                "Task/_history",
                "_history",
                "Task/" + task + "/$meta",
                first.patient() + "/$everything",
                "$graphql?query=%7BPatientList%7Bid%7D%7D");
        for (String path : forbidden) {
            var answer = Http.get(port, DASHBOARD, path);
            assertThat(answer.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(answer.body()).as(path).doesNotContain("\"Patient\"").doesNotContain(first.patient());
        }
        String batch =
                """
                {"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"GET","url":"%s"}}]}"""
                        .formatted(first.patient());
        assertThat(Http.post(port, DASHBOARD, "", batch).statusCode()).isEqualTo(400);
        var read = Http.get(port, DASHBOARD, "Task/" + task);
        assertThat(read.headers().map().toString()).doesNotContain(first.patient());
        assertThat(read.headers().firstValue("Last-Modified"))
                .as("the exact time of the last change is not shown")
                .isEmpty();
    }

    @Test
    void theLeadResolvesAPseudonymToItsPatientAndTheResolutionIsAudited() throws Exception {
        String pseudonym = parse(
                        ok(Http.get(port, DASHBOARD, "Task/" + firstTasks.get(0).getIdPart())), Task.class)
                .getFor()
                .getReference();

        var answer = Http.post(port, LEAD, "$resolve-pseudonym", parameters(pseudonym));

        Parameters result = parse(ok(answer), Parameters.class);
        assertThat(((Reference) result.getParameter("patient").getValue()).getReference())
                .isEqualTo(first.patient());
        AuditRecords.awaitStored(jdbc);
        var events = auditsOf(pseudonym.substring("Patient/".length()));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("lead-amy");
            assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
            assertThat(event.getSubtype()).extracting(Coding::getCode).contains("resolve-pseudonym");
            assertThat(event.getEntity())
                    .extracting(entity -> entity.getWhat().getIdentifier().getValue())
                    .contains(first.patient());
        });
    }

    @Test
    void aPseudonymOfNoPatientIs404AndAuditedAsAFailedAttempt() throws Exception {
        String unknown = "0123456789abcdef".repeat(4);

        var answer = Http.post(port, LEAD, "$resolve-pseudonym", parameters(unknown));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("OperationOutcome");
        AuditRecords.awaitStored(jdbc);
        assertThat(auditsOf(unknown)).singleElement().satisfies(event -> assertThat(event.getOutcome())
                .isEqualTo(AuditEvent.AuditEventOutcome._4));
    }

    @Test
    void onlyTheLeadMayResolveAndOnlyWellFormedPseudonymsByPost() throws Exception {
        String pseudonym = parse(
                        ok(Http.get(port, DASHBOARD, "Task/" + firstTasks.get(0).getIdPart())), Task.class)
                .getFor()
                .getReference();
        for (Role role : List.of(Role.DASHBOARD, Role.CLINICIAN, Role.RESEARCHER, Role.ADMIN, Role.GP_SUBMITTER)) {
            var answer = Http.post(port, TestTokens.forRoles(role), "$resolve-pseudonym", parameters(pseudonym));
            assertThat(answer.statusCode()).as(role.claimValue()).isEqualTo(403);
            assertThat(answer.body()).as(role.claimValue()).doesNotContain(first.patient());
        }
        assertThat(Http.post(port, LEAD, "$resolve-pseudonym", parameters("Patient/" + first.patientId()))
                        .statusCode())
                .as("a real id is not a pseudonym")
                .isEqualTo(400);
        assertThat(Http.get(port, LEAD, "$resolve-pseudonym?pseudonym=" + pseudonym)
                        .statusCode())
                .as("GET")
                .isEqualTo(405);
    }

    private List<Task> tasksOf(ScreenedPatient patient) {
        return client
                .search()
                .byUrl("Task?patient=" + patient.patient() + "&_sort=_id")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(entry -> (Task) entry.getResource())
                .filter(task -> task.getFocus().getReference() != null)
                .toList();
    }

    /** Every Task of a search, following the next links as the dashboard. */
    private List<Task> walk(String token, String search) throws Exception {
        var tasks = new ArrayList<Task>();
        String path = search;
        while (path != null) {
            var page = bundle(ok(Http.get(port, token, path)));
            page.getEntry().forEach(entry -> tasks.add((Task) entry.getResource()));
            path = page.getLink("next") == null
                    ? null
                    : relative(page.getLink("next").getUrl());
        }
        return tasks;
    }

    private List<AuditEvent> auditsOf(String pseudonym) {
        return client
                .search()
                .byUrl("AuditEvent?record=" + AuditTrail.PSEUDONYM_SYSTEM + "|" + pseudonym)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(entry -> (AuditEvent) entry.getResource())
                .toList();
    }

    private void assertNothingIdentifying(String json) {
        assertThat(json)
                .doesNotContain("Patient/" + first.patientId() + "\"")
                .doesNotContain("QuestionnaireResponse")
                .doesNotContain("Flag")
                .doesNotContain(firstPatient.getIdentifierFirstRep().getValue())
                .doesNotContain("lastUpdated")
                .doesNotContain("\"HT\"")
                .doesNotContain("\"SDV\"")
                .doesNotContainIgnoringCase("traffick");
    }

    private static String parameters(String pseudonym) {
        return """
                {"resourceType":"Parameters","parameter":[{"name":"pseudonym","valueString":"%s"}]}"""
                .formatted(pseudonym);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static Bundle bundle(String body) {
        return parse(body, Bundle.class);
    }

    private static <T extends Resource> T parse(String body, Class<T> type) {
        return FhirClients.context().newJsonParser().parseResource(type, body);
    }

    private static String json(Resource resource) {
        return FhirClients.context().newJsonParser().encodeResourceToString(resource);
    }

    private static String relative(String url) {
        String rest = url.substring(url.indexOf("/fhir") + "/fhir".length());
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    private static Set<String> labels(Resource resource) {
        return resource.getMeta().getSecurity().stream().map(Coding::getCode).collect(Collectors.toSet());
    }

    private static List<String> reversed(List<String> list) {
        var copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
