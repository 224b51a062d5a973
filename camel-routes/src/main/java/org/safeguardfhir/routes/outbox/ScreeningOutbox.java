package org.safeguardfhir.routes.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.safeguardfhir.work.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox table. Every method joins the caller's Spring transaction on the same {@link DataSource}: an enqueue
 * commits or rolls back with the response it announces, a completion with the referrals it produced.
 */
public class ScreeningOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningOutbox.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final Runnable wakeWorkers;

    public ScreeningOutbox(DataSource dataSource, Runnable wakeWorkers) {
        this.jdbc = JdbcClient.create(dataSource);
        this.wakeWorkers = wakeWorkers;
    }

    /** Announces a stored response; workers are woken once the surrounding transaction commits. */
    public void enqueue(String responseId, long responseVersion, String subject) {
        jdbc.sql("INSERT INTO safeguard.screening_outbox (response_id, response_version, subject) VALUES (?, ?, ?)")
                .params(responseId, responseVersion, subject)
                .update();
        AfterCommit.run(this::wake);
    }

    /** A missed wake-up only delays a row until the next poll; it must never fail the client's committed write. */
    private void wake() {
        try {
            wakeWorkers.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not wake the outbox workers; the next poll will pick the screening up", e);
        }
    }

    /**
     * Locks the oldest due row until the caller's transaction ends. Rows locked by other workers are skipped, so
     * instances compete without blocking; a crashed worker's lock dies with its connection.
     */
    public Optional<OutboxMessage> claimNext() {
        return jdbc.sql("SELECT id, response_id, response_version, subject, attempts, enqueued_at"
                        + " FROM safeguard.screening_outbox WHERE available_at <= clock_timestamp()"
                        + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .query(ScreeningOutbox::message)
                .optional();
    }

    /** Removes a processed row; commits together with the referrals. */
    public void complete(OutboxMessage message) {
        jdbc.sql("DELETE FROM safeguard.screening_outbox WHERE id = ?")
                .param(message.id())
                .update();
    }

    /** Records a failed attempt and makes the row due again after {@code delay}. Returns the attempts so far. */
    public int retryLater(long id, String error, Duration delay) {
        return jdbc.sql("UPDATE safeguard.screening_outbox SET attempts = attempts + 1, last_error = ?,"
                        + " available_at = clock_timestamp() + make_interval(secs => ?)"
                        + " WHERE id = ? RETURNING attempts")
                .params(truncate(error), delay.toMillis() / 1000.0, id)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Moves a row to the dead-letter table with its error, in one statement. */
    public boolean deadLetter(long id, String error) {
        return jdbc.sql("WITH moved AS (DELETE FROM safeguard.screening_outbox WHERE id = ? RETURNING *)"
                                + " INSERT INTO safeguard.screening_dead_letter"
                                + " (id, response_id, response_version, subject, enqueued_at, attempts, error)"
                                + " SELECT id, response_id, response_version, subject, enqueued_at, attempts + 1, ?"
                                + " FROM moved")
                        .params(id, truncate(error))
                        .update()
                == 1;
    }

    /** Dead letters, oldest first. */
    public List<DeadLetter> deadLetters() {
        return jdbc.sql("SELECT id, response_id, response_version, attempts, error, enqueued_at, dead_lettered_at"
                        + " FROM safeguard.screening_dead_letter ORDER BY id")
                .query((rs, row) -> new DeadLetter(
                        rs.getLong("id"),
                        rs.getString("response_id"),
                        rs.getLong("response_version"),
                        rs.getInt("attempts"),
                        rs.getString("error"),
                        instant(rs, "enqueued_at"),
                        instant(rs, "dead_lettered_at")))
                .list();
    }

    /** Puts a dead letter back in the outbox with a fresh attempt count. False when there is no such dead letter. */
    public boolean replay(long deadLetterId) {
        boolean replayed =
                jdbc.sql("WITH moved AS (DELETE FROM safeguard.screening_dead_letter WHERE id = ? RETURNING *)"
                                        + " INSERT INTO safeguard.screening_outbox (response_id, response_version, subject)"
                                        + " SELECT response_id, response_version, subject FROM moved")
                                .param(deadLetterId)
                                .update()
                        == 1;
        if (replayed) {
            wake();
        }
        return replayed;
    }

    /** Rows not yet processed, including those waiting out a backoff. */
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM safeguard.screening_outbox")
                .query(Long.class)
                .single();
    }

    /** Age of the oldest unprocessed row; zero when the outbox is empty. */
    public Duration lag() {
        return jdbc.sql("SELECT COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(enqueued_at)), 0)"
                        + " FROM safeguard.screening_outbox")
                .query(Double.class)
                .optional()
                .map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)))
                .orElse(Duration.ZERO);
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getString("response_id"),
                rs.getLong("response_version"),
                rs.getString("subject"),
                rs.getInt("attempts"),
                instant(rs, "enqueued_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
