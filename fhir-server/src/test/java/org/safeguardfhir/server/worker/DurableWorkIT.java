package org.safeguardfhir.server.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.work.DeadLetters;
import org.safeguardfhir.work.DeadLetters.DeadLetter;
import org.safeguardfhir.work.DurableWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Durable work on the running server, through the audit records' kind: a failed attempt backs off and is counted; work
 * that has used up its attempts, or whose node died while it ran (the poison that kills a JVM), is kept as a dead
 * letter; a dead letter replayed is done once. Rows are written as db-scheduler writes them, so each case starts where
 * the test needs it.
 */
@FhirServerIntegrationTest
class DurableWorkIT {

    private static final String KIND = "audit-record";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DurableWork work;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    OneTimeTask<String> auditRecords;

    @Autowired
    DaoRegistry daos;

    @Autowired
    FhirContext fhirContext;

    @Value("${safeguard.audit.max-attempts}")
    int maxAttempts;

    @Test
    void aFailedAttemptIsCountedAndBacksOff() {
        String id = "backoff-" + UUID.randomUUID();
        due(id, "not an AuditEvent", 0);

        await().atMost(Duration.ofSeconds(20)).until(() -> failures(id) == 1);
        var row = jdbc.queryForMap(
                "SELECT picked, execution_time > clock_timestamp() AS later FROM safeguard.scheduled_tasks"
                        + " WHERE task_name = ? AND task_instance = ?",
                KIND,
                id);
        assertThat(row.get("picked")).as("claimed").isEqualTo(false);
        assertThat(row.get("later")).as("due again only after its backoff").isEqualTo(true);
        assertThat(deadLetters.of(KIND)).extracting(DeadLetter::id).doesNotContain(id);
        jdbc.update("DELETE FROM safeguard.scheduled_tasks WHERE task_name = ? AND task_instance = ?", KIND, id);
    }

    @Test
    void workThatHasUsedUpItsAttemptsIsKeptAsADeadLetter() {
        String id = "used-up-" + UUID.randomUUID();
        due(id, "not an AuditEvent", maxAttempts - 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter(id) != null);
        var dead = deadLetter(id);
        assertThat(dead.attempts()).isEqualTo(maxAttempts);
        assertThat(dead.data()).isEqualTo("not an AuditEvent");
        assertThat(dead.error()).contains("DataFormatException");
        assertThat(work.pending(KIND)).as("left to run").isZero();
        assertThat(deadLetters.count(KIND))
                .as("the metric's count")
                .isEqualTo(deadLetters.of(KIND).size());
    }

    @Test
    void workWhoseNodeDiedWhileRunningItCountsAnAttemptAndIsGivenUpAtTheLast() {
        String id = "poison-" + UUID.randomUUID();
        // As a node leaves it when the JVM dies mid-run: picked, its heartbeat long stopped, one attempt left.
        jdbc.update(
                "INSERT INTO safeguard.scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                        + " picked_by, last_heartbeat, consecutive_failures, version)"
                        + " VALUES (?, ?, ?, clock_timestamp(), true, 'a-node-that-died',"
                        + " clock_timestamp() - interval '1 hour', ?, 1)",
                KIND,
                id,
                event().getBytes(StandardCharsets.UTF_8),
                maxAttempts - 1);

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(id) != null);
        assertThat(deadLetter(id).error()).contains("node running it stopped");
    }

    @Test
    void aReplayedDeadLetterIsDoneOnce() {
        String id = "replayed-" + UUID.randomUUID();
        due(id, "broken", maxAttempts - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter(id) != null);
        jdbc.update("UPDATE safeguard.dead_letter SET data = ? WHERE kind = ? AND id = ?", event(), KIND, id);

        assertThat(work.replay(auditRecords, id)).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> work.pending(KIND) == 0 && stored(id));
        assertThat(deadLetter(id)).as("the dead letter, once replayed").isNull();
        assertThat(work.replay(auditRecords, id)).as("a second replay").isFalse();
    }

    private void due(String id, String data, int failures) {
        jdbc.update(
                "INSERT INTO safeguard.scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                        + " consecutive_failures, version) VALUES (?, ?, ?, clock_timestamp(), false, ?, 1)",
                KIND,
                id,
                data.getBytes(StandardCharsets.UTF_8),
                failures);
    }

    private int failures(String id) {
        var found = jdbc.queryForList(
                "SELECT consecutive_failures FROM safeguard.scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                Integer.class,
                KIND,
                id);
        return found.isEmpty() || found.get(0) == null ? 0 : found.get(0);
    }

    private DeadLetter deadLetter(String id) {
        return deadLetters.of(KIND).stream()
                .filter(letter -> letter.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    private boolean stored(String id) {
        try {
            daos.getResourceDao(AuditEvent.class).read(new IdType("AuditEvent", id), new SystemRequestDetails());
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private String event() {
        var event = new AuditEvent()
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", null))
                .setAction(AuditEvent.AuditEventAction.R)
                .setRecorded(new Date());
        event.getSource().setObserver(new org.hl7.fhir.r4.model.Reference().setDisplay("durable work test"));
        event.addAgent().setRequestor(true);
        return fhirContext.newJsonParser().encodeResourceToString(event);
    }
}
