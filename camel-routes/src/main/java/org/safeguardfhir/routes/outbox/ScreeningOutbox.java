package org.safeguardfhir.routes.outbox;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.safeguardfhir.work.DurableWork;

/**
 * Hands stored screening responses to the referral route as durable work. An enqueue joins the caller's transaction,
 * so a response and its hand-off commit, or roll back, together; claiming, retries and dead letters are durable
 * work's.
 */
public class ScreeningOutbox {

    /** The durable work's kind: its rows, dead letters and metrics carry this name. */
    public static final String KIND = "screening-referral";

    private final DurableWork work;
    private final OneTimeTask<String> kind;

    public ScreeningOutbox(DurableWork work, OneTimeTask<String> kind) {
        this.work = work;
        this.kind = kind;
    }

    /** Announces a stored response; the scheduler is woken once the surrounding transaction commits. */
    public void enqueue(String responseId, long responseVersion, String subject) {
        work.enqueue(kind, new OutboxMessage(responseId, responseVersion, subject).text());
    }

    /** Hand-offs not yet done, including those waiting out a backoff. */
    public long pending() {
        return work.pending(KIND);
    }
}
