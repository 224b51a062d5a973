package org.safeguardfhir.server.export;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable work's handler for research exports: makes one queued export. An attempt is counted as it starts, so the
 * status can say the export is under way; retries, a crashed node's export and giving up are durable work's. A job
 * cancelled before or while it is made leaves nothing behind.
 */
class ExportMaker {

    /** The durable work's kind; a piece's id and text are the job's id. */
    static final String KIND = "research-export";

    private static final Logger LOG = LoggerFactory.getLogger(ExportMaker.class);

    private final ExportJobs jobs;
    private final ResearchExport export;

    ExportMaker(ExportJobs jobs, ResearchExport export) {
        this.jobs = jobs;
        this.export = export;
    }

    void make(String jobId) {
        UUID id = UUID.fromString(jobId);
        var job = jobs.start(id);
        if (job.isEmpty()) {
            LOG.info("Research export {} is no longer queued; nothing to make", id);
            return;
        }
        long started = System.nanoTime();
        try {
            if (export.make(job.get())) {
                LOG.info(
                        "Research export {} completed in {} ms",
                        id,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } else {
                LOG.info("Research export {} was cancelled while it was made; nothing was kept", id);
            }
        } catch (RuntimeException e) {
            if (!jobs.exists(id)) {
                // Deleted while it was made: the completion or a file met the deletion and rolled back.
                LOG.info("Research export {} was cancelled while it was made; nothing was kept", id);
                return;
            }
            // The exception's message may quote the data being exported: only where it failed goes on.
            throw new ExportFailed(where(e));
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

    /** A failed attempt, described without the data it was exporting. */
    static final class ExportFailed extends RuntimeException {
        ExportFailed(String where) {
            super(where, null, false, false);
        }
    }
}
