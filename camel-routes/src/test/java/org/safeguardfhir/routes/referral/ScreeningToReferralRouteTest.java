package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.screening.Examples;
import org.safeguardfhir.testfixtures.PostgresTestDatabase;
import org.safeguardfhir.work.DeadLetters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The referral route wired by its own configuration and run by durable work, as in the server but with a recording
 * FHIR store, on real PostgreSQL with the tables made by the modules' own migrations: the transacted path from a
 * hand-off to one referral transaction, a failure that rolls the whole attempt back, a redelivery after its backoff
 * that produces the referrals once, and a rejection kept as a dead letter at once.
 */
@SpringBootTest(
        classes = ScreeningToReferralRouteTest.RouteApplication.class,
        properties = {
            "spring.flyway.schemas=safeguard",
            "spring.flyway.default-schema=safeguard",
            "spring.flyway.create-schemas=true",
            "db-scheduler.table-name=safeguard.scheduled_tasks",
            "db-scheduler.polling-interval=200ms",
            "db-scheduler.threads=1",
            "safeguard.pipeline.max-attempts=3",
            "safeguard.pipeline.initial-backoff=300ms",
            "safeguard.pipeline.max-backoff=1s"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ScreeningToReferralRouteTest {

    private static final String SCREENING = "adult-screening-positive";
    private static final PostgresTestDatabase.Connection DATABASE = PostgresTestDatabase.fresh();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    /** What the route's configuration asks of an application, and nothing more. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ReferralRouteConfiguration.class)
    static class RouteApplication {

        @Bean
        RecordingFhirStore fhirStore() {
            return new RecordingFhirStore();
        }

        @Bean
        Jurisdiction jurisdiction() {
            return Jurisdiction.ENGLAND_AND_WALES;
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    FhirStore fhirStore;

    @Autowired
    ScreeningOutbox outbox;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    RecordingFhirStore store;

    @BeforeEach
    void screening() {
        jdbc.update("DELETE FROM safeguard.scheduled_tasks");
        jdbc.update("DELETE FROM safeguard.dead_letter");
        store = (RecordingFhirStore) fhirStore;
        QuestionnaireResponse response = Examples.response(SCREENING);
        store.put(response);
        var patient = new Patient().setBirthDateElement(new DateType("1985-05-05"));
        patient.setId(response.getSubject().getReferenceElement().getIdPart());
        store.put(patient);
    }

    @Test
    void aScreeningBecomesOneReferralTransactionAndIsDone() {
        var delivered = new NotifyBuilder(camel)
                .fromRoute(ScreeningToReferralRoute.ROUTE_ID)
                .whenCompleted(1)
                .create();

        enqueueScreening();

        assertThat(delivered.matches(20, TimeUnit.SECONDS))
                .as("the delivery woken by the commit")
                .isTrue();
        assertThat(store.transactions).as("referral transactions written").hasSize(1);
        assertThat(store.transactions.get(0).getEntry()).as("the referrals").isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertThat(counter("safeguard.work.done")).isEqualTo(1);
        assertThat(meters.get("safeguard.work.latency")
                        .tag("kind", ScreeningOutbox.KIND)
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aFailureAfterTheWriteRollsTheWholeAttemptBackAndIsRetriedLater() throws Exception {
        jdbc.update("CREATE TABLE IF NOT EXISTS safeguard.route_probe (attempt text)");
        jdbc.update("DELETE FROM safeguard.route_probe");
        AdviceWith.adviceWith(camel, ScreeningToReferralRoute.ROUTE_ID, route -> route.weaveById("write-referrals")
                .after()
                .process(exchange -> jdbc.update("INSERT INTO safeguard.route_probe VALUES ('written')"))
                .throwException(new IllegalStateException("the commit could not be made")));
        var failed = new NotifyBuilder(camel)
                .fromRoute(ScreeningToReferralRoute.ROUTE_ID)
                .whenFailed(1)
                .create();

        enqueueScreening();

        assertThat(failed.matches(20, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> failures() == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM safeguard.route_probe", Long.class))
                .as("what the attempt wrote in its transaction, rolled back")
                .isZero();
        assertThat(outbox.pending()).as("the hand-off, due again").isOne();
        assertThat(counter("safeguard.work.failed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailedWriteIsRedeliveredAfterItsBackoffAndProducesTheReferralsOnce() {
        store.writesToFail.set(1);
        var twoDeliveries = new NotifyBuilder(camel)
                .fromRoute(ScreeningToReferralRoute.ROUTE_ID)
                .whenDone(2)
                .create();

        enqueueScreening();

        assertThat(twoDeliveries.matches(20, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertThat(store.transactions).as("referral transactions written").hasSize(1);
        assertThat(deadLetters.of(ScreeningOutbox.KIND)).as("dead letters").isEmpty();
        assertThat(counter("safeguard.work.failed")).isEqualTo(1);
    }

    @Test
    void aRejectedWriteIsKeptAsADeadLetterWithoutRetrying() {
        store.writesToFail.set(5);
        store.failure = () -> new UnprocessableEntityException("the server refused the referrals");

        enqueueScreening();

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.count(ScreeningOutbox.KIND) == 1);
        var letter = deadLetters.of(ScreeningOutbox.KIND).get(0);
        assertThat(letter.attempts()).as("attempts before it was given up").isEqualTo(1);
        assertThat(letter.error()).contains("the server refused the referrals");
        assertThat(letter.data()).startsWith("QuestionnaireResponse/");
        assertThat(store.writesToFail.get()).as("writes tried").isEqualTo(4);
        assertThat(outbox.pending()).isZero();
    }

    /** Enqueued as the server does: in the transaction that stores the response. */
    private void enqueueScreening() {
        var response = Examples.response(SCREENING);
        transactions.executeWithoutResult(status -> outbox.enqueue(
                response.getIdElement().getIdPart(), 1, response.getSubject().getReference()));
    }

    private int failures() {
        var found = jdbc.queryForList(
                "SELECT consecutive_failures FROM safeguard.scheduled_tasks WHERE task_name = ?",
                Integer.class,
                ScreeningOutbox.KIND);
        return found.isEmpty() || found.get(0) == null ? 0 : found.get(0);
    }

    private double counter(String name) {
        return meters.get(name).tag("kind", ScreeningOutbox.KIND).counter().count();
    }
}
