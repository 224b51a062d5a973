package org.safeguardfhir.routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.testfixtures.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An installation upgraded from the route's own outbox loses no screening: migration V10 moves what waits, and what
 * was given up, to durable work, in the text the route reads.
 */
class ScreeningOutboxMigrationTest {

    @Test
    void waitingHandOffsAndDeadLettersMoveToDurableWorkWithTheirAttempts() {
        var database = PostgresTestDatabase.fresh();
        DataSource dataSource = new SimpleDriverDataSource(
                new org.postgresql.Driver(), database.url(), database.username(), database.password());
        var jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, "9").migrate();
        jdbc.update("INSERT INTO safeguard.screening_outbox (response_id, response_version, subject, attempts,"
                + " enqueued_at) VALUES ('qr-1', 2, 'Patient/p-1', 3, timestamptz '2026-11-30 10:00:00+00')");
        jdbc.update("INSERT INTO safeguard.screening_dead_letter (id, response_id, response_version, subject,"
                + " enqueued_at, attempts, error) VALUES (41, 'qr-2', 1, 'Patient/p-2', clock_timestamp(), 6,"
                + " 'java.lang.IllegalStateException: down')");

        flyway(dataSource, "latest").migrate();

        var waiting = jdbc.queryForMap(
                "SELECT convert_from(task_data, 'UTF8') AS text, consecutive_failures, picked,"
                        + " enqueued_at = timestamptz '2026-11-30 10:00:00+00' AS kept_its_age"
                        + " FROM safeguard.scheduled_tasks WHERE task_name = ?",
                ScreeningOutbox.KIND);
        assertThat(OutboxMessage.parse((String) waiting.get("text")))
                .isEqualTo(new OutboxMessage("qr-1", 2, "Patient/p-1"));
        assertThat(waiting.get("consecutive_failures")).isEqualTo(3);
        assertThat(waiting.get("picked")).isEqualTo(false);
        assertThat(waiting.get("kept_its_age")).isEqualTo(true);
        var dead = jdbc.queryForMap(
                "SELECT id, data, attempts, error FROM safeguard.dead_letter WHERE kind = ?", ScreeningOutbox.KIND);
        assertThat(dead.get("id")).isEqualTo("outbox-41");
        assertThat(OutboxMessage.parse((String) dead.get("data")))
                .isEqualTo(new OutboxMessage("qr-2", 1, "Patient/p-2"));
        assertThat(dead.get("attempts")).isEqualTo(6);
        assertThat(dead.get("error")).isEqualTo("java.lang.IllegalStateException: down");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'safeguard'"
                                + " AND table_name IN ('screening_outbox', 'screening_dead_letter')",
                        Long.class))
                .as("the old tables")
                .isZero();
    }

    @Test
    void theTextNamesTheResponsesVersionAndItsPatientAndNothingElse() {
        var message = new OutboxMessage("a-b.c", 12, "Patient/7");

        assertThat(message.text()).isEqualTo("QuestionnaireResponse/a-b.c/_history/12 Patient/7");
        assertThat(OutboxMessage.parse(message.text())).isEqualTo(message);
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas("safeguard")
                .defaultSchema("safeguard")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }
}
