package org.safeguardfhir.routes.outbox;

import java.time.Instant;

/** A hand-off that failed permanently or too often, with the last error; kept until an operator replays it. */
public record DeadLetter(
        long id,
        String responseId,
        long responseVersion,
        int attempts,
        String error,
        Instant enqueuedAt,
        Instant deadLetteredAt) {}
