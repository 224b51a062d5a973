package org.safeguardfhir.routes.referral;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;

/**
 * Micrometer meters of the pipeline: screenings processed, failed attempts, dead letters, and the outbox's size and
 * lag (age of the oldest unprocessed row), which is what an operator alerts on.
 */
class PipelineMetrics {

    private final Counter processed;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer latency;

    PipelineMetrics(MeterRegistry registry, ScreeningOutbox outbox) {
        processed = Counter.builder("safeguard.pipeline.processed")
                .description("Screening responses turned into referrals")
                .register(registry);
        failed = Counter.builder("safeguard.pipeline.failed")
                .description("Failed attempts to process a screening response")
                .register(registry);
        deadLettered = Counter.builder("safeguard.pipeline.dead.lettered")
                .description("Screening responses moved to the dead-letter table")
                .register(registry);
        latency = Timer.builder("safeguard.pipeline.latency")
                .description("From storing a screening response to committing its referrals")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("safeguard.pipeline.outbox.lag", outbox, box -> box.lag().toMillis() / 1000.0)
                .description("Age of the oldest unprocessed screening response")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("safeguard.pipeline.outbox.pending", outbox, ScreeningOutbox::pending)
                .description("Screening responses waiting in the outbox")
                .register(registry);
    }

    void processed(Instant enqueuedAt) {
        processed.increment();
        latency.record(Duration.between(enqueuedAt, Instant.now()));
    }

    void failed() {
        failed.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
