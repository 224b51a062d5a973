package org.safeguardfhir.server.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Audit records reach the AuditEvent table as durable work, moments after the request that made them. */
public final class AuditRecords {

    private AuditRecords() {}

    /** Waits until every audit record written so far is stored as an AuditEvent. */
    public static void awaitStored(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> pending(jdbc) == 0);
    }

    public static long pending(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM safeguard.scheduled_tasks WHERE task_name = 'audit-record'", Long.class);
    }
}
