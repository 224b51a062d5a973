package org.safeguardfhir.server.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The export job and file tables ({@code V5__research_export.sql}), in plain SQL. Calls join the caller's
 * transaction, if any, on the connection HAPI's reads use too.
 */
class ExportJobs {

    private static final String COLUMNS = "id, owner, configuration, types, request_url, status, attempts,"
            + " transaction_time, expires_at, summary";

    private final JdbcClient jdbc;

    ExportJobs(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Adds a job; the caller enqueues its making as durable work in the same transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the owner already has an export waiting or under way
     */
    UUID queue(String owner, String configuration, List<String> types, String requestUrl) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO safeguard.export_job (id, owner, configuration, types, request_url, status)"
                        + " VALUES (?, ?, ?, ?, ?, 'queued')")
                .params(id, owner, configuration, String.join(",", types), requestUrl)
                .update();
        return id;
    }

    /** The job, if it exists, has not expired and belongs to {@code owner}. */
    Optional<ExportJob> find(UUID id, String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safeguard.export_job WHERE id = ? AND owner = ?"
                        + " AND (expires_at IS NULL OR expires_at > clock_timestamp())")
                .params(id, owner)
                .query(ExportJobs::job)
                .optional();
    }

    /**
     * Counts an attempt at a queued job as it starts, in a statement that commits on its own, so the status can say
     * it is under way; empty when the job is no longer queued (cancelled, or made already).
     */
    Optional<ExportJob> start(UUID id) {
        return jdbc.sql("UPDATE safeguard.export_job SET attempts = attempts + 1 WHERE id = ? AND status = 'queued'"
                        + " RETURNING " + COLUMNS)
                .param(id)
                .query(ExportJobs::job)
                .optional();
    }

    /** The job is given up: its status says so, and its requester is answered with an error. */
    void failed(UUID id) {
        jdbc.sql("UPDATE safeguard.export_job SET status = 'failed' WHERE id = ? AND status = 'queued'")
                .param(id)
                .update();
    }

    /** The time of the snapshot the current transaction reads. */
    Instant transactionStart() {
        return jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
    }

    void addFile(UUID id, int number, String resourceType, int count, String content) {
        jdbc.sql("INSERT INTO safeguard.export_file (job_id, file_number, resource_type, resource_count, content)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(id, number, resourceType, count, content)
                .update();
    }

    /** Marks the job completed; false if it is no longer queued (cancelled, or finished by another instance). */
    boolean complete(UUID id, Instant transactionTime, Duration retention, String summary) {
        return jdbc.sql("UPDATE safeguard.export_job SET status = 'completed', transaction_time = ?,"
                                + " expires_at = clock_timestamp() + ? * interval '1 millisecond', summary = ?"
                                + " WHERE id = ? AND status = 'queued'")
                        .params(Timestamp.from(transactionTime), retention.toMillis(), summary, id)
                        .update()
                == 1;
    }

    List<ExportJob.File> files(UUID id) {
        return jdbc.sql("SELECT file_number, resource_type, resource_count FROM safeguard.export_file WHERE job_id = ?"
                        + " ORDER BY file_number")
                .param(id)
                .query((row, n) -> new ExportJob.File(row.getInt(1), row.getString(2), row.getInt(3)))
                .list();
    }

    Optional<String> content(UUID id, int number) {
        return jdbc.sql("SELECT content FROM safeguard.export_file WHERE job_id = ? AND file_number = ?")
                .params(id, number)
                .query(String.class)
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM safeguard.export_job WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Deletes the caller's job and its files; false if there was none. */
    boolean delete(UUID id, String owner) {
        return jdbc.sql("DELETE FROM safeguard.export_job WHERE id = ? AND owner = ?")
                        .params(id, owner)
                        .update()
                == 1;
    }

    /** Deletes expired exports, and failed ones older than {@code retention}. */
    int deleteExpired(Duration retention) {
        return jdbc.sql(
                        "DELETE FROM safeguard.export_job WHERE expires_at <= clock_timestamp()"
                                + " OR (status = 'failed' AND requested_at <= clock_timestamp() - ? * interval '1 millisecond')")
                .param(retention.toMillis())
                .update();
    }

    private static ExportJob job(ResultSet row, int number) throws SQLException {
        Timestamp transactionTime = row.getTimestamp("transaction_time");
        Timestamp expires = row.getTimestamp("expires_at");
        return new ExportJob(
                row.getObject("id", UUID.class),
                row.getString("owner"),
                row.getString("configuration"),
                Arrays.asList(row.getString("types").split(",")),
                row.getString("request_url"),
                ExportJob.Status.of(row.getString("status")),
                row.getInt("attempts"),
                transactionTime == null ? null : transactionTime.toInstant(),
                expires == null ? null : expires.toInstant(),
                row.getString("summary"));
    }
}
