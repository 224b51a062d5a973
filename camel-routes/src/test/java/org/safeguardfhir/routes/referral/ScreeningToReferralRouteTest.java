package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.flywaydb.core.Flyway;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.screening.Examples;
import org.safeguardfhir.routes.support.PipelineProperties;
import org.safeguardfhir.testfixtures.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The referral route as Camel runs it, on real PostgreSQL with the outbox its own migrations make: the transacted path
 * from an outbox row to one referral transaction, a failure that rolls the attempt back and is recorded, and a
 * redelivery that produces the referrals once. The safety-net timer is advised away, so each drain is one the test
 * asked for.
 */
class ScreeningToReferralRouteTest {

    private static final String SCREENING = "adult-screening-positive";

    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    private DefaultCamelContext camel;
    private RecordingFhirStore store;
    private ScreeningOutbox outbox;

    @BeforeAll
    static void database() {
        var database = PostgresTestDatabase.fresh();
        dataSource = new SimpleDriverDataSource(
                new org.postgresql.Driver(), database.url(), database.username(), database.password());
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("safeguard")
                .defaultSchema("safeguard")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeEach
    void startRoute() throws Exception {
        jdbc.update("DELETE FROM safeguard.screening_outbox");
        jdbc.update("DELETE FROM safeguard.screening_dead_letter");
        store = new RecordingFhirStore();
        QuestionnaireResponse response = Examples.response(SCREENING);
        store.put(response);
        var patient = new Patient().setBirthDateElement(new DateType("1985-05-05"));
        patient.setId(response.getSubject().getReferenceElement().getIdPart());
        store.put(patient);

        camel = new DefaultCamelContext();
        var properties = new Properties();
        properties.setProperty("safeguard.pipeline.workers", "1");
        properties.setProperty("safeguard.pipeline.poll-interval", "1h");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getRegistry()
                .bind(
                        ScreeningToReferralRoute.TRANSACTION_POLICY,
                        new SpringTransactionPolicy(new DataSourceTransactionManager(dataSource)));
        outbox = new ScreeningOutbox(dataSource, () -> camel.createProducerTemplate()
                .sendBody(ScreeningToReferralRoute.WAKE_ENDPOINT, "wake"));
        var settings = new PipelineProperties(1, Duration.ofHours(1), 3, Duration.ofMillis(200), Duration.ofSeconds(1));
        var metrics = new PipelineMetrics(new SimpleMeterRegistry(), outbox);
        var steps = new ReferralSteps(
                outbox,
                new ScreeningCaseLoader(store),
                new ReferralPlanner(),
                Jurisdiction.ENGLAND_AND_WALES,
                new ReferralBundleMapper(Clock.systemUTC()),
                store,
                metrics);
        camel.addRoutes(new ScreeningToReferralRoute(steps, new ReferralFailures(outbox, settings, metrics)));
        AdviceWith.adviceWith(camel, "outbox-safety-poll", route -> route.replaceFromWith("direct:no-safety-poll"));
    }

    @AfterEach
    void stopRoute() {
        camel.stop();
    }

    @Test
    void aScreeningBecomesOneReferralTransactionAndLeavesTheOutbox() {
        camel.start();
        var drained =
                new NotifyBuilder(camel).fromRoute("outbox-drain").whenDone(1).create();

        enqueueScreening();

        assertThat(drained.matches(20, TimeUnit.SECONDS))
                .as("the drain woken by the enqueue")
                .isTrue();
        assertThat(store.transactions).as("referral transactions written").hasSize(1);
        assertThat(store.transactions.get(0).getEntry()).as("the referrals").isNotEmpty();
        assertThat(outbox.pending()).as("rows left in the outbox").isZero();
    }

    @Test
    void aFailureAfterTheRowWasCompletedRollsTheWholeAttemptBackAndRecordsIt() throws Exception {
        AdviceWith.adviceWith(camel, "screening-to-referral", route -> route.weaveById("complete-outbox-row")
                .after()
                .throwException(new IllegalStateException("the commit could not be made")));
        camel.start();
        var drained =
                new NotifyBuilder(camel).fromRoute("outbox-drain").whenDone(1).create();

        enqueueScreening();

        assertThat(drained.matches(20, TimeUnit.SECONDS)).isTrue();
        // The row's delete ran inside the route's transaction; the failure after it undid it.
        assertThat(outbox.pending()).as("rows left in the outbox").isOne();
        var row = jdbc.queryForMap("SELECT attempts, last_error FROM safeguard.screening_outbox");
        assertThat(row.get("attempts")).as("attempts recorded").isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("the commit could not be made");
    }

    @Test
    void aFailedWriteIsRedeliveredAfterItsBackoffAndProducesTheReferralsOnce() {
        store.writesToFail.set(1);
        camel.start();
        var twoDrains =
                new NotifyBuilder(camel).fromRoute("outbox-drain").whenDone(2).create();

        enqueueScreening();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM safeguard.screening_outbox WHERE attempts = 1"
                                        + " AND available_at <= clock_timestamp()",
                                Long.class)
                        == 1);
        // What the safety-net poll would do once the backoff has run out.
        camel.createProducerTemplate().sendBody(ScreeningToReferralRoute.WAKE_ENDPOINT, "wake");

        assertThat(twoDrains.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(store.transactions).as("referral transactions written").hasSize(1);
        assertThat(outbox.pending()).as("rows left in the outbox").isZero();
        assertThat(outbox.deadLetters()).as("dead letters").isEmpty();
    }

    private void enqueueScreening() {
        var response = Examples.response(SCREENING);
        outbox.enqueue(
                response.getIdElement().getIdPart(), 1, response.getSubject().getReference());
    }
}
