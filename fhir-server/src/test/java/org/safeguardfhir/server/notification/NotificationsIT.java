package org.safeguardfhir.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardfhir.server.access.SubscriptionOwners;
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
 * Subscriptions to Task changes, end to end: real Subscriptions written over HTTP, Tasks written by a client, and a
 * receiver on the loopback interface (rest-hook) or a websocket client, each checking what arrives and what does not.
 * Each test subscribes to Tasks with a code of its own, so the tests do not hear each other.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String CODES = "https://safeguardfhir.org/fhir/test/notification";
    private static final String EMPTY_PARAMETERS = "{\"resourceType\":\"Parameters\"}";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String DASHBOARD = token(Role.DASHBOARD, "wall-display-notify");
    private static final String OTHER_DASHBOARD = token(Role.DASHBOARD, "another-wall");
    private static final String CLINICIAN = token(Role.CLINICIAN, "dr-notify");
    private static final String LEAD = token(Role.SAFEGUARDING_LEAD, "lead-notify");
    private static final String ADMIN = token(Role.ADMIN, "admin-notify");

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    Reference patient;

    @BeforeAll
    void aPatient() {
        patient = new Screenings(client, jdbc).patient("1988-04-12");
    }

    @Test
    void aDashboardHearsOfEachMatchingTaskChangeByIdOnlyAndSigned() throws Exception {
        try (var receiver = new Receiver()) {
            var created = Http.post(port, DASHBOARD, "Subscription", json(restHook("a", receiver.url())));
            assertThat(created.statusCode()).isEqualTo(201);
            String secret = created.headers()
                    .firstValue(SubscriptionLifecycle.SECRET_HEADER)
                    .orElseThrow();
            String subscriptionId = idOf(created);
            var stored = parse(
                    Http.get(port, DASHBOARD, "Subscription/" + subscriptionId).body(), Subscription.class);
            assertThat(stored.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
            assertThat(stored.getChannel()
                            .getPayloadElement()
                            .getExtensionByUrl(SubscriptionRules.PAYLOAD_CONTENT)
                            .getValue()
                            .primitiveValue())
                    .isEqualTo("id-only");
            assertThat(SubscriptionOwners.of(stored)).contains("wall-display-notify");

            String restricted = task("a", true);
            var first = receiver.next(PATIENCE);
            assertThat(NotificationSignature.verify(secret, first.header(NotificationSignature.HEADER), first.body()))
                    .as("the signature verifies with the secret given at creation")
                    .isTrue();
            assertThat(NotificationSignature.verify(
                            "not-the-secret", first.header(NotificationSignature.HEADER), first.body()))
                    .isFalse();
            assertThat(first.header("Content-Type")).startsWith("application/fhir+json");
            var bundle = parse(first.text(), Bundle.class);
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.HISTORY);
            var status = (Parameters) bundle.getEntryFirstRep().getResource();
            assertThat(((Reference) status.getParameter("subscription").getValue()).getReference())
                    .endsWith("Subscription/" + subscriptionId);
            assertThat(status.getParameter("type").getValue().primitiveValue()).isEqualTo("event-notification");
            var event = status.getParameter().stream()
                    .filter(p -> p.getName().equals("notification-event"))
                    .toList();
            assertThat(event).hasSize(1);
            assertThat(part(event.get(0), "event-number")).isEqualTo("1");
            assertThat(part(event.get(0), "focus")).endsWith("Task/" + restricted);
            assertThat(bundle.getEntry()).hasSize(2);
            assertThat(bundle.getEntry().get(1).getFullUrl()).endsWith("Task/" + restricted);
            assertThat(bundle.getEntry().get(1).hasResource())
                    .as("id-only: the Task's content never travels")
                    .isFalse();
            assertThat(first.text())
                    .doesNotContain("Spoke to her brother")
                    .doesNotContain(patient.getReferenceElement().getIdPart());

            var task = client.read().resource(Task.class).withId(restricted).execute();
            client.update().resource(task.setStatus(Task.TaskStatus.INPROGRESS)).execute();
            var second = parse(receiver.next(PATIENCE).text(), Bundle.class);
            var secondStatus = (Parameters) second.getEntryFirstRep().getResource();
            assertThat(part(
                            secondStatus.getParameter().stream()
                                    .filter(p -> p.getName().equals("notification-event"))
                                    .findFirst()
                                    .orElseThrow(),
                            "event-number"))
                    .as("event numbers run on without gaps")
                    .isEqualTo("2");
            assertThat(secondStatus
                            .getParameter("events-since-subscription-start")
                            .getValue()
                            .primitiveValue())
                    .isEqualTo("2");

            task("not-a", false);
            assertThat(receiver.poll(Duration.ofSeconds(2)))
                    .as("a Task the criteria do not match is not notified")
                    .isNull();
        }
    }

    @Test
    void aClinicianHearsOnlyOfTasksItCouldRead() throws Exception {
        try (var receiver = new Receiver()) {
            assertThat(Http.post(port, CLINICIAN, "Subscription", json(restHook("b", receiver.url())))
                            .statusCode())
                    .isEqualTo(201);

            String restricted = task("b", true);
            String open = task("b", false);

            var delivery = parse(receiver.next(PATIENCE).text(), Bundle.class);
            assertThat(delivery.getEntry().subList(1, delivery.getEntry().size()))
                    .extracting(Bundle.BundleEntryComponent::getFullUrl)
                    .singleElement()
                    .satisfies(url -> assertThat(url).endsWith("Task/" + open));
            assertThat(receiver.poll(Duration.ofSeconds(2))).isNull();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM safeguard.notification_outbox WHERE focus = ?",
                            Long.class,
                            "Task/" + restricted))
                    .as("the restricted Task was never queued for the clinician")
                    .isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Patient?name=smith",
                "Task?patient=Patient/1",
                "Task?subject.name=smith",
                "Task?_has:Flag:patient:status=active",
                "Task?status:missing=true",
                "Task?_content=brother",
                "Task?note=brother"
            })
    void criteriaThatReachBeyondWhatTheDashboardSeesAreRefused(String criteria) throws Exception {
        var subscription = restHook("c", "https://receiver.example.org/hook").setCriteria(criteria);
        assertRefused(Http.post(port, DASHBOARD, "Subscription", json(subscription)));
    }

    @Test
    void subscriptionsThatWouldCarryContentOrGoAnywhereUnsafeAreRefused() throws Exception {
        var fullResource = restHook("c", "https://receiver.example.org/hook");
        fullResource
                .getChannel()
                .getPayloadElement()
                .addExtension(SubscriptionRules.PAYLOAD_CONTENT, new CodeType("full-resource"));
        var email = restHook("c", "mailto:lead@example.org");
        email.getChannel().setType(Subscription.SubscriptionChannelType.EMAIL);
        var websocketWithEndpoint = restHook("c", "https://receiver.example.org/hook");
        websocketWithEndpoint.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET);
        var noEndpoint = restHook("c", null);
        var reservedHeader = restHook("c", "https://receiver.example.org/hook");
        reservedHeader.getChannel().addHeader("X-Safeguard-Signature: forged");
        var credentialsInUrl = restHook("c", "https://user:pass@receiver.example.org/hook");

        long before = subscriptionRows();
        for (var subscription :
                List.of(fullResource, email, websocketWithEndpoint, noEndpoint, reservedHeader, credentialsInUrl)) {
            assertRefused(Http.post(port, DASHBOARD, "Subscription", json(subscription)));
        }
        assertThat(subscriptionRows()).as("nothing refused was stored").isEqualTo(before);
    }

    @Test
    void aSubscriptionIsItsOwnersAloneThoughAnAdministratorMayStopIt() throws Exception {
        var created = Http.post(port, DASHBOARD, "Subscription", json(restHook("d", "https://receiver.example.org/d")));
        String id = idOf(created);
        var mine = Http.get(port, DASHBOARD, "Subscription/" + id);
        assertThat(mine.statusCode()).isEqualTo(200);

        for (String stranger : List.of(OTHER_DASHBOARD, LEAD)) {
            assertThat(Http.get(port, stranger, "Subscription/" + id).statusCode())
                    .isEqualTo(404);
            assertThat(parse(Http.get(port, stranger, "Subscription?_id=" + id).body(), Bundle.class)
                            .getEntry())
                    .isEmpty();
            assertThat(Http.put(port, stranger, "Subscription/" + id, mine.body())
                            .statusCode())
                    .isIn(403, 404);
            assertThat(Http.post(port, stranger, "Subscription/" + id + "/$rotate-secret", EMPTY_PARAMETERS)
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(parse(Http.get(port, DASHBOARD, "Subscription?_id=" + id).body(), Bundle.class)
                        .getEntry())
                .hasSize(1);
        assertThat(Http.post(
                                port,
                                token(Role.RESEARCHER, "researcher-notify"),
                                "Subscription",
                                json(restHook("d", "https://receiver.example.org/d")))
                        .statusCode())
                .as("researchers get exports, not notifications")
                .isEqualTo(403);

        assertThat(Http.get(port, ADMIN, "Subscription/" + id).statusCode()).isEqualTo(200);
        assertThat(delete(ADMIN, "Subscription/" + id).statusCode()).isIn(200, 204);
        assertThat(Http.get(port, DASHBOARD, "Subscription/" + id).statusCode()).isEqualTo(410);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM safeguard.subscription_channel WHERE subscription_id = ?",
                        Long.class,
                        id))
                .isZero();
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItTakesTheNotification() throws Exception {
        try (var receiver = new Receiver()) {
            receiver.failNext(2);
            Http.post(port, DASHBOARD, "Subscription", json(restHook("e", receiver.url())));
            String id = task("e", false);

            var delivery = parse(receiver.next(PATIENCE).text(), Bundle.class);

            assertThat(receiver.attempts()).isEqualTo(3);
            assertThat(delivery.getEntry().get(1).getFullUrl()).endsWith("Task/" + id);
            assertThat(receiver.poll(Duration.ofSeconds(2)))
                    .as("delivered once")
                    .isNull();
        }
    }

    @Test
    void aReceiverThatKeepsFailingTurnsItsSubscriptionToErrorAndItsNotificationsWait() throws Exception {
        try (var receiver = new Receiver()) {
            receiver.failNext(Integer.MAX_VALUE);
            var created = Http.post(port, DASHBOARD, "Subscription", json(restHook("f", receiver.url())));
            String subscriptionId = idOf(created);
            String taskId = task("f", false);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(parse(
                                    Http.get(port, DASHBOARD, "Subscription/" + subscriptionId)
                                            .body(),
                                    Subscription.class)
                            .getStatus())
                    .isEqualTo(Subscription.SubscriptionStatus.ERROR));
            var failed = parse(
                    Http.get(port, DASHBOARD, "Subscription/" + subscriptionId).body(), Subscription.class);
            assertThat(failed.getError()).contains("HTTP 500");
            assertThat(receiver.attempts()).isEqualTo(4);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM safeguard.notification_outbox WHERE subscription_id = ?",
                            Long.class,
                            subscriptionId))
                    .as("nothing is dropped")
                    .isEqualTo(1);

            receiver.failNext(0);
            failed.setStatus(Subscription.SubscriptionStatus.ACTIVE);
            assertThat(Http.put(port, DASHBOARD, "Subscription/" + subscriptionId, json(failed))
                            .statusCode())
                    .isEqualTo(200);
            var delivery = parse(receiver.next(PATIENCE).text(), Bundle.class);
            assertThat(delivery.getEntry().get(1).getFullUrl()).endsWith("Task/" + taskId);
        }
    }

    @Test
    void aRotatedSecretSignsTheNextNotificationAndTheOldOneNoLonger() throws Exception {
        try (var receiver = new Receiver()) {
            var created = Http.post(port, DASHBOARD, "Subscription", json(restHook("g", receiver.url())));
            String old = created.headers()
                    .firstValue(SubscriptionLifecycle.SECRET_HEADER)
                    .orElseThrow();
            var rotated =
                    Http.post(port, DASHBOARD, "Subscription/" + idOf(created) + "/$rotate-secret", EMPTY_PARAMETERS);
            assertThat(rotated.statusCode()).isEqualTo(200);
            String fresh = parse(rotated.body(), Parameters.class)
                    .getParameter("secret")
                    .getValue()
                    .primitiveValue();
            assertThat(fresh).isNotEqualTo(old);

            task("g", false);
            var delivery = receiver.next(PATIENCE);
            String signature = delivery.header(NotificationSignature.HEADER);
            assertThat(NotificationSignature.verify(fresh, signature, delivery.body()))
                    .isTrue();
            assertThat(NotificationSignature.verify(old, signature, delivery.body()))
                    .isFalse();
        }
    }

    @Test
    void aTaskWriteThatRollsBackNotifiesNobody() throws Exception {
        try (var receiver = new Receiver()) {
            Http.post(port, DASHBOARD, "Subscription", json(restHook("h", receiver.url())));
            var transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            transaction
                    .addEntry()
                    .setResource(newTask("h", false))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Task");
            transaction
                    .addEntry()
                    .setResource(new Task().setFor(new Reference("Patient/does-not-exist")))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Task");
            assertThat(Http.post(port, LEAD, "", json(transaction)).statusCode())
                    .isBetween(400, 499);

            String stored = task("h", false);
            var status = (Parameters) parse(receiver.next(PATIENCE).text(), Bundle.class)
                    .getEntryFirstRep()
                    .getResource();
            var events = status.getParameter().stream()
                    .filter(p -> p.getName().equals("notification-event"))
                    .toList();
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(part(e, "focus")).endsWith("Task/" + stored);
                assertThat(part(e, "event-number"))
                        .as("the rolled-back Task used no number")
                        .isEqualTo("1");
            });
        }
    }

    @Test
    void aWebsocketClientBindsItsOwnSubscriptionAndReceivesNotifications() throws Exception {
        var subscription = new Subscription()
                .setStatus(Subscription.SubscriptionStatus.REQUESTED)
                .setReason("Wall display")
                .setCriteria("Task?code=" + CODES + "|ws");
        subscription.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET);
        String id = idOf(Http.post(port, DASHBOARD, "Subscription", json(subscription)));
        String someoneElses = idOf(Http.post(port, OTHER_DASHBOARD, "Subscription", json(subscription)));

        var messages = new LinkedBlockingQueue<String>();
        var socket = connect(DASHBOARD, messages);
        try {
            socket.sendText("bind " + someoneElses, true).join();
            assertThat(messages.poll(10, TimeUnit.SECONDS)).startsWith("error");
            socket.sendText("bind Subscription/" + id, true).join();
            assertThat(messages.poll(10, TimeUnit.SECONDS)).isEqualTo("bound " + id);

            String taskId = task("ws", false);
            String message = messages.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            var bundle = parse(message, Bundle.class);
            assertThat(bundle.getEntry().get(1).getFullUrl()).endsWith("Task/" + taskId);
            assertThat(bundle.getEntry().get(1).hasResource()).isFalse();
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    @Test
    void theWebsocketNeedsAToken() {
        var refused = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/websocket"), new WebSocket.Listener() {});
        assertThat(refused)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        java.net.http.WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    }

    private WebSocket connect(String token, LinkedBlockingQueue<String> messages) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/websocket"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            messages.add(text.toString());
                            text.setLength(0);
                        }
                        socket.request(1);
                        return CompletableFuture.completedFuture(null);
                    }
                })
                .join();
    }

    private Subscription restHook(String code, String endpoint) {
        var subscription = new Subscription()
                .setStatus(Subscription.SubscriptionStatus.REQUESTED)
                .setReason("Referrals board")
                .setCriteria("Task?code=" + CODES + "|" + code);
        subscription
                .getChannel()
                .setType(Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint(endpoint)
                .setPayload("application/fhir+json");
        return subscription;
    }

    private Task newTask(String code, boolean restricted) {
        var task = new Task()
                .setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setFor(patient);
        task.getCode().addCoding(new Coding(CODES, code, null));
        task.addNote().setText("Spoke to her brother at the door");
        if (restricted) {
            task.getMeta()
                    .addSecurity(new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null));
        }
        return task;
    }

    private String task(String code, boolean restricted) {
        return client.create()
                .resource(newTask(code, restricted))
                .execute()
                .getId()
                .getIdPart();
    }

    private void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 422);
        assertThat(parse(answer.body(), OperationOutcome.class)
                        .getIssueFirstRep()
                        .getDiagnostics())
                .isNotBlank();
    }

    private long subscriptionRows() {
        return jdbc.queryForObject("SELECT count(*) FROM safeguard.subscription_channel", Long.class);
    }

    private HttpResponse<String> delete(String token, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/" + path))
                                .header("Authorization", "Bearer " + token)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String part(Parameters.ParametersParameterComponent parameter, String name) {
        var value = parameter.getPart().stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getValue();
        return value instanceof Reference reference ? reference.getReference() : value.primitiveValue();
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return parse(created.body(), Subscription.class).getIdElement().getIdPart();
    }

    private static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    private static <T extends Resource> T parse(String body, Class<T> type) {
        return FHIR.newJsonParser().parseResource(type, body);
    }

    private static String token(Role role, String subject) {
        return TestTokens.sign(TestTokens.claims(role).subject(subject).build());
    }
}
