package org.safeguardfhir.server.audit;

import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit outbox table. Every method joins the caller's Spring transaction on the same {@link DataSource}: a write's
 * audit record commits or rolls back with the write; outside a transaction (a read) the row commits on its own,
 * before the answer is sent.
 */
class AuditOutbox {

    private static final int MAX_ERROR_LENGTH = 500;

    /** One audit record waiting to be stored. */
    record Entry(long id, String event, int attempts) {}

    private final JdbcClient jdbc;

    AuditOutbox(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Adds an event; {@code afterCommit} runs once it is committed (at once when there is no transaction). */
    void enqueue(String event, Runnable afterCommit) {
        jdbc.sql("INSERT INTO safeguard.audit_outbox (event) VALUES (?)")
                .param(event)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        } else {
            afterCommit.run();
        }
    }

    /** Locks the oldest due entry until the caller's transaction ends; entries locked by other instances are skipped. */
    Optional<Entry> claimNext() {
        return jdbc.sql("SELECT id, event, attempts FROM safeguard.audit_outbox"
                        + " WHERE available_at <= clock_timestamp() ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("event"), rs.getInt("attempts")))
                .optional();
    }

    void complete(long id) {
        jdbc.sql("DELETE FROM safeguard.audit_outbox WHERE id = ?").param(id).update();
    }

    /** Records a failed attempt; the entry is due again after {@code delay}. It is never dropped. */
    void retryLater(long id, String error, Duration delay) {
        jdbc.sql("UPDATE safeguard.audit_outbox SET attempts = attempts + 1, last_error = ?,"
                        + " available_at = clock_timestamp() + make_interval(secs => ?) WHERE id = ?")
                .params(
                        error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error,
                        delay.toMillis() / 1000.0,
                        id)
                .update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM safeguard.audit_outbox")
                .query(Long.class)
                .single();
    }
}
