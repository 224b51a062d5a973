package org.safeguardfhir.work;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Durable work given up after its retry policy's attempts, of every kind, kept until an operator replays it; never
 * dropped. Recording is idempotent, so work revived after a crash between recording and removal is recorded once.
 */
public final class DeadLetters {

    private static final int MAX_ERROR_LENGTH = 2000;

    /** One piece of work given up. */
    public record DeadLetter(String kind, String id, String data, int attempts, String error, Instant deadLetteredAt) {}

    private final JdbcClient jdbc;

    DeadLetters(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void record(String kind, String id, String data, int attempts, String error) {
        String text = error == null ? "unknown error" : error;
        jdbc.sql("INSERT INTO safeguard.dead_letter (kind, id, data, attempts, error) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (kind, id) DO NOTHING")
                .params(
                        kind,
                        id,
                        data,
                        attempts,
                        text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text)
                .update();
    }

    /** How many of this kind wait; what a metrics scrape asks, without reading them. */
    public long count(String kind) {
        return jdbc.sql("SELECT count(*) FROM safeguard.dead_letter WHERE kind = ?")
                .param(kind)
                .query(Long.class)
                .single();
    }

    /** This kind's dead letters, oldest first. */
    public List<DeadLetter> of(String kind) {
        return jdbc.sql(
                        "SELECT kind, id, data, attempts, error, dead_lettered_at FROM safeguard.dead_letter WHERE kind = ?"
                                + " ORDER BY dead_lettered_at")
                .param(kind)
                .query((rs, row) -> new DeadLetter(
                        rs.getString("kind"),
                        rs.getString("id"),
                        rs.getString("data"),
                        rs.getInt("attempts"),
                        rs.getString("error"),
                        rs.getTimestamp("dead_lettered_at").toInstant()))
                .list();
    }

    /** Takes a dead letter out, for replaying it; null when there is none. */
    String take(String kind, String id) {
        return jdbc.sql("DELETE FROM safeguard.dead_letter WHERE kind = ? AND id = ? RETURNING data")
                .params(kind, id)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
