package org.safeguardfhir.server.export;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.safeguardfhir.server.worker.PollingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes queued exports one at a time: woken when one is queued, and polling as a safety net (a crash, another
 * instance's job, a backoff that ran out). Each attempt is counted before it starts, so an export that keeps failing,
 * even by taking the server down, is marked failed after {@code max-attempts}. Expired exports are deleted here too.
 */
class ExportWorker extends PollingWorker {

    private static final Logger LOG = LoggerFactory.getLogger(ExportWorker.class);

    private final ExportJobs jobs;
    private final ResearchExport export;
    private final ExportProperties properties;

    ExportWorker(ExportJobs jobs, ResearchExport export, ExportProperties properties) {
        super("research-export", properties.pollInterval());
        this.jobs = jobs;
        this.export = export;
        this.properties = properties;
    }

    @Override
    protected void drain() {
        try {
            int expired = jobs.deleteExpired(properties.retention());
            if (expired > 0) {
                LOG.info("Deleted {} expired research exports", expired);
            }
            while (running()) {
                var job = jobs.claimNext(properties.lease());
                if (job.isEmpty()) {
                    return;
                }
                attempt(job.get());
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "The export queue could not be read; retrying at the next poll: {}",
                    e.getClass().getName());
        }
    }

    private void attempt(ExportJob job) {
        if (job.attempts() > properties.maxAttempts()) {
            jobs.failed(job.id(), true, Duration.ZERO);
            LOG.warn("Research export {} failed {} times and is given up", job.id(), properties.maxAttempts());
            return;
        }
        long started = System.nanoTime();
        try {
            if (export.make(job)) {
                LOG.info(
                        "Research export {} completed in {} ms",
                        job.id(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } else {
                LOG.info("Research export {} was cancelled while it was made; nothing was kept", job.id());
            }
        } catch (RuntimeException e) {
            if (!jobs.exists(job.id())) {
                // Deleted while it was made: the completion or a file met the deletion and rolled back.
                LOG.info("Research export {} was cancelled while it was made; nothing was kept", job.id());
                return;
            }
            // The exception's message may quote the data being exported: the class alone goes to the log.
            boolean giveUp = job.attempts() >= properties.maxAttempts();
            jobs.failed(job.id(), giveUp, backoff(job.attempts()));
            LOG.warn(
                    "Research export {} attempt {} failed ({} at {}){}",
                    job.id(),
                    job.attempts(),
                    e.getClass().getName(),
                    where(e),
                    giveUp ? "; given up" : "; it will be retried");
        }
    }

    /** The innermost cause's class and the code it was thrown from: enough to find a bug, with none of the data. */
    static String where(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var frames = Arrays.stream(root.getStackTrace())
                .limit(6)
                .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
                .toList();
        return root.getClass().getName() + " " + String.join(" < ", frames);
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 5L << Math.min(6, Math.max(0, attempts - 1))));
    }
}
