package org.safeguardfhir.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one mechanism for background work that must survive a crash, on db-scheduler's table in PostgreSQL. Work is
 * enqueued in the caller's transaction (it commits or rolls back with what announced it), claimed by one node of
 * many, retried by its kind's {@link RetryPolicy} (an attempt whose node died counts too, once the node's heartbeat
 * has stopped), and given up into {@link DeadLetters}, from which it can be replayed. Handlers run at least once per
 * piece of work, so each kind's handler is idempotent.
 */
public final class DurableWork {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWork.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final DeadLetters deadLetters;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    DurableWork(
            ObjectProvider<Scheduler> scheduler, DeadLetters deadLetters, DataSource dataSource, MeterRegistry meters) {
        this.scheduler = scheduler;
        this.deadLetters = deadLetters;
        this.jdbc = JdbcClient.create(dataSource);
        this.meters = meters;
    }

    /**
     * A kind of work, declared as a bean so the scheduler knows it: each piece is text that {@code handler} receives
     * with the piece's id, on the scheduler's threads.
     */
    public OneTimeTask<String> kind(String name, RetryPolicy policy, BiConsumer<String, String> handler) {
        FailureHandler<String> failed = (complete, operations) -> failed(name, policy, complete, operations);
        Gauge.builder("safeguard.work.pending", () -> pending(name))
                .tag("kind", name)
                .description("Pieces of durable work not yet done, those waiting out a backoff included")
                .register(meters);
        Gauge.builder("safeguard.work.dead.letters", () -> deadLetters.count(name))
                .tag("kind", name)
                .description("Pieces of durable work given up, waiting for an operator's replay")
                .register(meters);
        return Tasks.oneTime(name, String.class)
                .onFailure(failed)
                .onDeadExecution(failed::onFailure)
                .execute((instance, context) -> handler.accept(instance.getId(), instance.getData()));
    }

    /** Adds work in the caller's transaction; the scheduler looks for it as soon as that commits. */
    public void enqueue(OneTimeTask<String> kind, String data) {
        schedule(kind, UUID.randomUUID().toString(), data);
    }

    /** Puts a dead letter back as new work with a fresh attempt count; false when there is no such dead letter. */
    public boolean replay(OneTimeTask<String> kind, String id) {
        String data = deadLetters.take(kind.getName(), id);
        if (data == null) {
            return false;
        }
        schedule(kind, id, data);
        return true;
    }

    /** Pieces of this kind not yet done. */
    public long pending(String kind) {
        return jdbc.sql("SELECT count(*) FROM safeguard.scheduled_tasks WHERE task_name = ?")
                .param(kind)
                .query(Long.class)
                .single();
    }

    private void schedule(OneTimeTask<String> kind, String id, String data) {
        scheduler.getObject().schedule(kind.instance(id, data), Instant.now());
        AfterCommit.run(this::wake);
    }

    /** A missed wake-up only delays the work until the next poll; it must never fail the committed caller. */
    private void wake() {
        try {
            scheduler.getObject().triggerCheckForDueExecutions();
        } catch (RuntimeException e) {
            LOG.warn("Could not wake the scheduler; its next poll picks the work up: {}", e.toString());
        }
    }

    private void failed(
            String kind, RetryPolicy policy, ExecutionComplete complete, ExecutionOperations<String> operations) {
        var execution = complete.getExecution();
        int attempts = execution.consecutiveFailures + 1;
        String id = execution.taskInstance.getId();
        // The cause is logged by type only: messages can quote the resources the work carries.
        String error = complete.getCause()
                .map(cause -> cause.getClass().getName() + ": " + cause.getMessage())
                .orElse("the node running it stopped before it finished");
        if (policy.givesUpAfter(attempts)) {
            deadLetters.record(kind, id, (String) execution.taskInstance.getData(), attempts, error);
            operations.stop();
            LOG.error("{} {} given up after {} attempt(s) and kept as a dead letter", kind, id, attempts);
        } else {
            var delay = policy.backoff(attempts);
            operations.reschedule(complete, complete.getTimeDone().plus(delay));
            LOG.warn(
                    "{} {} failed (attempt {}), retrying in {}: {}",
                    kind,
                    id,
                    attempts,
                    delay,
                    complete.getCause().map(cause -> cause.getClass().getName()).orElse("node stopped"));
        }
    }
}
