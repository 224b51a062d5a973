package org.safeguardfhir.server.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * A worker on a thread of its own that drains durable work (an outbox, a job queue): woken when new work commits, and
 * polling every {@code pollInterval} as a safety net for work left by a crash, by another instance or by a backoff
 * that ran out. Wake-ups that arrive while one is pending are folded into it. Stopping lets the pass in hand finish
 * (up to 30 seconds); what is left waits in its table for the next start.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private final String threadName;
    private final Duration pollInterval;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    protected PollingWorker(String threadName, Duration pollInterval) {
        this.threadName = threadName;
        this.pollInterval = pollInterval;
    }

    /** One pass over what is due. Runs on the worker's thread only; a long pass checks {@link #running()}. */
    protected abstract void drain();

    /** Asks for a pass soon. */
    public void wake() {
        var current = executor;
        if (current != null && wakePending.compareAndSet(false, true)) {
            try {
                current.execute(this::pass);
            } catch (RejectedExecutionException stopping) {
                wakePending.set(false);
            }
        }
    }

    /** Asks for a pass after {@code delay}, e.g. when a backoff ends. */
    protected void passAfter(Duration delay) {
        var current = executor;
        if (current != null) {
            try {
                current.schedule(this::pass, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // The next start polls.
            }
        }
    }

    /** Whether the worker is started: a pass stops taking new work once it is not. */
    protected boolean running() {
        return executor != null;
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::pass, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        var current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
                    current.shutdownNow();
                }
            } catch (InterruptedException e) {
                current.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void pass() {
        wakePending.set(false);
        drain();
    }
}
