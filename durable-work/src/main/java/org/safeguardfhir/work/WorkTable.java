package org.safeguardfhir.work;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the metrics read from db-scheduler's table, by kind; db-scheduler itself does every write. */
final class WorkTable {

    private final JdbcClient jdbc;

    WorkTable(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    long pending(String kind) {
        return jdbc.sql("SELECT count(*) FROM safeguard.scheduled_tasks WHERE task_name = ?")
                .param(kind)
                .query(Long.class)
                .single();
    }

    /** Age of the oldest piece of this kind not yet done; zero when there is none. */
    double lagSeconds(String kind) {
        return jdbc.sql("SELECT COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(enqueued_at)), 0)"
                        + " FROM safeguard.scheduled_tasks WHERE task_name = ?")
                .param(kind)
                .query(Double.class)
                .single();
    }

    /** How long ago a piece still in the table was enqueued; null when it is not there. */
    Duration sinceEnqueued(String kind, String id) {
        return jdbc.sql("SELECT EXTRACT(EPOCH FROM clock_timestamp() - enqueued_at) FROM safeguard.scheduled_tasks"
                        + " WHERE task_name = ? AND task_instance = ?")
                .params(kind, id)
                .query(Double.class)
                .optional()
                .map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)))
                .orElse(null);
    }
}
