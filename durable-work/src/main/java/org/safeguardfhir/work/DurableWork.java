package org.safeguardfhir.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

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
    private final WorkTable table;
    private final MeterRegistry registry;
    private final Map<String, OneTimeTask<String>> kinds = new ConcurrentHashMap<>();

    DurableWork(
            ObjectProvider<Scheduler> scheduler,
            DeadLetters deadLetters,
            DataSource dataSource,
            MeterRegistry registry) {
        this.scheduler = scheduler;
        this.deadLetters = deadLetters;
        this.table = new WorkTable(dataSource);
        this.registry = registry;
    }

    /**
     * Starts declaring a kind of work; {@link KindBuilder#handledBy} ends it with the task to declare as a bean, so the
     * scheduler knows it.
     */
    public KindBuilder kind(String name) {
        return new KindBuilder(name);
    }

    /** What a kind of work is: its retries, which failures are hopeless, what else happens when it is given up. */
    public final class KindBuilder {

        private final String name;
        private RetryPolicy policy;
        private Predicate<Throwable> permanent = cause -> false;
        private BiConsumer<String, String> givenUp = (id, data) -> {};

        private KindBuilder(String name) {
            this.name = name;
        }

        /** How failed attempts are retried; required. */
        public KindBuilder retriedBy(RetryPolicy retries) {
            this.policy = retries;
            return this;
        }

        /** Failures a retry cannot change (a rejection): kept as dead letters at once. */
        public KindBuilder permanentWhen(Predicate<Throwable> hopeless) {
            this.permanent = hopeless;
            return this;
        }

        /**
         * Runs with a piece's id and text once it is given up, before it is kept as a dead letter, to tell its owner
         * (a job's status, a Subscription's error). It must be idempotent: a crash can run it twice.
         */
        public KindBuilder whenGivenUp(BiConsumer<String, String> action) {
            this.givenUp = action;
            return this;
        }

        /** Each piece's text goes to {@code handler} with the piece's id, on the scheduler's threads. */
        public OneTimeTask<String> handledBy(BiConsumer<String, String> handler) {
            if (policy == null) {
                throw new IllegalStateException("durable work " + name + " has no retry policy");
            }
            var meters = new WorkMeters(
                    name,
                    registry,
                    () -> table.pending(name),
                    () -> table.lagSeconds(name),
                    () -> deadLetters.count(name));
            var failures = new Failures(name, policy, permanent, givenUp, meters);
            FailureHandler<String> failed = failures::failed;
            OneTimeTask<String> task = Tasks.oneTime(name, String.class)
                    .onFailure(failed)
                    .onDeadExecution(failed::onFailure)
                    .execute((instance, context) -> {
                        handler.accept(instance.getId(), instance.getData());
                        meters.done(sinceEnqueued(name, instance.getId()));
                    });
            if (kinds.putIfAbsent(name, task) != null) {
                throw new IllegalStateException("two kinds of durable work are named " + name);
            }
            return task;
        }
    }

    /** Adds work in the caller's transaction; the scheduler looks for it as soon as that commits. */
    public void enqueue(OneTimeTask<String> kind, String data) {
        schedule(kind, UUID.randomUUID().toString(), data);
    }

    /** Adds work under an id of the caller's (a job's), unique within its kind, in the caller's transaction. */
    public void enqueue(OneTimeTask<String> kind, String id, String data) {
        schedule(kind, id, data);
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

    /** {@link #replay(OneTimeTask, String)} by the kind's name; false for a kind this application does not have. */
    public boolean replay(String kind, String id) {
        var task = kinds.get(kind);
        return task != null && replay(task, id);
    }

    /** Whether this application has a kind of this name. */
    public boolean has(String kind) {
        return kinds.containsKey(kind);
    }

    /** Pieces of this kind not yet done. */
    public long pending(String kind) {
        return table.pending(kind);
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

    /** The work is done whatever happens here: a latency that cannot be read is not a failed attempt. */
    private Duration sinceEnqueued(String kind, String id) {
        try {
            return table.sinceEnqueued(kind, id);
        } catch (RuntimeException e) {
            LOG.debug("Could not read when {} {} was enqueued: {}", kind, id, e.toString());
            return null;
        }
    }

    /** A failed attempt: retried after its backoff, or kept as a dead letter once hopeless. */
    private final class Failures {

        private final String kind;
        private final RetryPolicy policy;
        private final Predicate<Throwable> permanent;
        private final BiConsumer<String, String> givenUp;
        private final WorkMeters meters;

        Failures(
                String kind,
                RetryPolicy policy,
                Predicate<Throwable> permanent,
                BiConsumer<String, String> givenUp,
                WorkMeters meters) {
            this.kind = kind;
            this.policy = policy;
            this.permanent = permanent;
            this.givenUp = givenUp;
            this.meters = meters;
        }

        void failed(ExecutionComplete complete, ExecutionOperations<String> operations) {
            meters.failed();
            var execution = complete.getExecution();
            int attempts = execution.consecutiveFailures + 1;
            String id = execution.taskInstance.getId();
            Optional<Throwable> cause = complete.getCause();
            // Logged by type only: messages can quote the resources the work carries. The dead letter keeps the text.
            String type = cause.map(error -> error.getClass().getName()).orElse("node stopped");
            if (policy.givesUpAfter(attempts) || cause.filter(permanent).isPresent()) {
                String error = cause.map(error2 -> error2.getClass().getName() + ": " + error2.getMessage())
                        .orElse("the node running it stopped before it finished");
                String data = (String) execution.taskInstance.getData();
                // The owner is told first: should that fail, the piece stays due and is given up again later.
                givenUp.accept(id, data);
                deadLetters.record(kind, id, data, attempts, error);
                operations.stop();
                meters.deadLettered();
                LOG.error("{} {} given up after {} attempt(s) and kept as a dead letter: {}", kind, id, attempts, type);
            } else {
                var delay = policy.backoff(attempts);
                operations.reschedule(complete, complete.getTimeDone().plus(delay));
                LOG.warn("{} {} failed (attempt {}), retrying in {}: {}", kind, id, attempts, delay, type);
            }
        }
    }
}
