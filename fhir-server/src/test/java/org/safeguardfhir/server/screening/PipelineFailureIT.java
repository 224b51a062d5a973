package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FaultInjectingFhirStore;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** Failed deliveries are retried, dead-lettered when hopeless, replayable, and never produce referrals twice. */
@FhirServerIntegrationTest
class PipelineFailureIT {

    static final String DEAD_LETTERS = "/admin/work/" + ScreeningOutbox.KIND + "/dead-letters";

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FhirStore store;

    @Autowired
    Scheduler scheduler;

    @Autowired
    MeterRegistry meters;

    @Value("${local.server.port}")
    int port;

    Screenings screenings;
    FaultInjectingFhirStore faults;

    @BeforeEach
    void setUp() {
        screenings = new Screenings(client, jdbc);
        faults = (FaultInjectingFhirStore) store;
    }

    @Test
    void writeFailingAfterTheClaimIsRetriedAndProcessedExactlyOnce() throws Exception {
        scheduler.pause();
        String id;
        try {
            id = screenings.submit(screenings.example("adult-screening-positive", screenings.patient("1980-01-01")));
            assertThat(screenings.pending(id))
                    .as("the response waits to be handed over")
                    .isEqualTo(1);
            faults.failTransactions(id, 1, () -> new IllegalStateException("simulated crash during the FHIR write"));
        } finally {
            scheduler.resume();
        }

        screenings.awaitProcessed(id);

        assertThat(faults.remainingFaults(id)).as("the fault fired").isZero();
        assertThat(screenings.deadLetters(id)).isZero();
        assertThat(screenings.search(Task.class, "focus=QuestionnaireResponse/" + id))
                .hasSize(3);
        assertThat(screenings.search(Provenance.class, "entity=QuestionnaireResponse/" + id))
                .hasSize(1);
    }

    @Test
    void transientFailuresBackOffAndThenSucceed() {
        double failedBefore = counter("safeguard.work.failed");
        Screenings.Submission submission = prepared();
        faults.failTransactions(submission.id(), 2, () -> new ResourceVersionConflictException("simulated conflict"));
        submission.release();

        screenings.awaitProcessed(submission.id());

        assertThat(screenings.deadLetters(submission.id())).isZero();
        assertThat(screenings.search(Task.class, "focus=QuestionnaireResponse/" + submission.id()))
                .hasSize(3);
        assertThat(counter("safeguard.work.failed") - failedBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rejectedWriteIsDeadLetteredAndCanBeReplayed() throws Exception {
        double deadBefore = counter("safeguard.work.dead.lettered");
        Screenings.Submission submission = prepared();
        faults.failTransactions(submission.id(), 1, () -> new UnprocessableEntityException("simulated rejection"));
        submission.release();

        screenings.awaitProcessed(submission.id());
        assertThat(screenings.deadLetters(submission.id())).isEqualTo(1);
        assertThat(screenings.search(Task.class, "focus=QuestionnaireResponse/" + submission.id()))
                .isEmpty();
        assertThat(counter("safeguard.work.dead.lettered") - deadBefore).isEqualTo(1);

        String letter = screenings.deadLetterId(submission.id());
        JsonNode listed = deadLetter(letter);
        assertThat(listed.get("error").asText()).contains("simulated rejection");
        assertThat(listed.get("attempts").asInt()).isEqualTo(1);
        assertThat(listed.has("data")).as("the work's text is not listed").isFalse();
        assertThat(post(DEAD_LETTERS + "/" + letter + "/replay")).isEqualTo(202);

        screenings.awaitProcessed(submission.id());
        await().atMost(Screenings.PIPELINE_TIMEOUT)
                .until(() -> screenings
                                .search(Task.class, "focus=QuestionnaireResponse/" + submission.id())
                                .size()
                        == 3);
        assertThat(screenings.deadLetters(submission.id())).isZero();
        assertThat(post(DEAD_LETTERS + "/" + letter + "/replay"))
                .as("a replayed dead letter is gone")
                .isEqualTo(404);
    }

    @Test
    void theDeadLettersOfAKindTheServerDoesNotHaveAreNotFound() throws Exception {
        assertThat(get("/admin/work/no-such-kind/dead-letters").statusCode()).isEqualTo(404);
        assertThat(post("/admin/work/no-such-kind/dead-letters/x/replay")).isEqualTo(404);
    }

    @Test
    void failingOnEveryAttemptEndsInTheDeadLetterTableAfterTheConfiguredAttempts() throws Exception {
        Screenings.Submission submission = prepared();
        faults.failTransactions(submission.id(), 10, () -> new IllegalStateException("simulated outage"));
        submission.release();

        await().atMost(Screenings.PIPELINE_TIMEOUT).until(() -> screenings.deadLetters(submission.id()) == 1);

        assertThat(deadLetter(screenings.deadLetterId(submission.id()))
                        .get("attempts")
                        .asInt())
                .isEqualTo(3);
        assertThat(faults.remainingFaults(submission.id())).isEqualTo(7);
        assertThat(screenings.pending(submission.id())).isZero();
    }

    /** A submitted screening whose processing waits until the test has armed its faults. */
    Screenings.Submission prepared() {
        return screenings.prepared(
                scheduler, screenings.example("adult-screening-positive", screenings.patient("1980-01-01")));
    }

    JsonNode deadLetter(String id) throws Exception {
        var response = get(DEAD_LETTERS);
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode entry : new ObjectMapper().readTree(response.body())) {
            if (entry.get("id").asText().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("no dead letter " + id + " in " + response.body());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + TestTokens.forRoles(Role.ADMIN))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    int post(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + TestTokens.forRoles(Role.ADMIN))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    double counter(String name) {
        var counter = meters.find(name).tag("kind", ScreeningOutbox.KIND).counter();
        return counter == null ? 0 : counter.count();
    }
}
