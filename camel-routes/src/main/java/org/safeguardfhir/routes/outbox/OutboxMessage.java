package org.safeguardfhir.routes.outbox;

import java.time.Instant;

/** One stored screening response waiting to be turned into referrals. */
public record OutboxMessage(
        long id, String responseId, long responseVersion, String subject, int attempts, Instant enqueuedAt) {}
