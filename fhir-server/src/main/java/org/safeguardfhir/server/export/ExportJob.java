package org.safeguardfhir.server.export;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One export as its table row holds it. */
record ExportJob(
        UUID id,
        String owner,
        String configuration,
        List<String> types,
        String requestUrl,
        Status status,
        int attempts,
        Instant transactionTime,
        Instant expiresAt,
        String summary) {

    enum Status {
        QUEUED,
        COMPLETED,
        FAILED;

        static Status of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    /** One NDJSON file of a completed export. */
    record File(int number, String resourceType, int count) {}
}
