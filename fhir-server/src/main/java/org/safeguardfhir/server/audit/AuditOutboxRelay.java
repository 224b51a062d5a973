package org.safeguardfhir.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Duration;
import org.hl7.fhir.r4.model.AuditEvent;
import org.safeguardfhir.server.worker.PollingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the audit outbox's entries as AuditEvent resources, one per transaction that also deletes the entry. Woken
 * when an entry commits, and polls as a safety net (entries left by a crash, or by another instance).
 * A failed entry backs off and is retried: an audit record is never dropped.
 */
class AuditOutboxRelay extends PollingWorker {

    private static final Logger LOG = LoggerFactory.getLogger(AuditOutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final AuditOutbox outbox;
    private final DaoRegistry daos;
    private final TransactionTemplate transactions;
    private final FhirContext fhirContext;

    AuditOutboxRelay(
            AuditOutbox outbox,
            DaoRegistry daos,
            TransactionTemplate transactions,
            FhirContext fhirContext,
            Duration pollInterval) {
        super("audit-outbox", pollInterval);
        this.outbox = outbox;
        this.daos = daos;
        this.transactions = transactions;
        this.fhirContext = fhirContext;
    }

    @Override
    protected void drain() {
        try {
            while (running() && relayOne()) {
                // next entry
            }
        } catch (RuntimeException e) {
            LOG.warn("The audit outbox could not be read; retrying at the next poll: {}", e.toString());
        }
    }

    /** Stores the oldest due entry; false when none is due. */
    private boolean relayOne() {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                var entry = outbox.claimNext();
                if (entry.isEmpty()) {
                    return false;
                }
                try {
                    store(parse(entry.get()));
                } catch (RuntimeException e) {
                    throw new EntryFailed(entry.get(), e);
                }
                outbox.complete(entry.get().id());
                return true;
            }));
        } catch (EntryFailed e) {
            recover(e.entry, e.failure);
            return true;
        }
    }

    /** After a rolled-back attempt: the entry is due again later. */
    private void recover(AuditOutbox.Entry entry, RuntimeException failure) {
        var delay = backoff(entry.attempts());
        String error = failure.toString();
        // The event itself is not logged: it names who looked at which restricted record.
        LOG.warn(
                "Audit record {} could not be stored (attempt {}), retrying in {}: {}",
                entry.id(),
                entry.attempts() + 1,
                delay,
                error);
        transactions.executeWithoutResult(status -> outbox.retryLater(entry.id(), error, delay));
    }

    private AuditEvent parse(AuditOutbox.Entry entry) {
        return fhirContext.newJsonParser().parseResource(AuditEvent.class, entry.event());
    }

    private void store(AuditEvent event) {
        daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
    }

    static Duration backoff(int attempts) {
        var delay = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /** Carries the entry out of the rolled-back transaction. */
    private static final class EntryFailed extends RuntimeException {
        private final transient AuditOutbox.Entry entry;
        private final transient RuntimeException failure;

        EntryFailed(AuditOutbox.Entry entry, RuntimeException failure) {
            super(null, null, false, false);
            this.entry = entry;
            this.failure = failure;
        }
    }
}
