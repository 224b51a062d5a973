package org.safeguardfhir.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one set of meters every kind of durable work has, tagged with the kind: what an operator alerts on is the same
 * for audit records, referrals, notifications and exports.
 */
final class WorkMeters {

    private final Counter done;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer latency;

    WorkMeters(
            String kind,
            MeterRegistry registry,
            Supplier<Number> pending,
            Supplier<Number> lagSeconds,
            Supplier<Number> deadLetters) {
        done = Counter.builder("safeguard.work.done")
                .tag("kind", kind)
                .description("Pieces of durable work done")
                .register(registry);
        failed = Counter.builder("safeguard.work.failed")
                .tag("kind", kind)
                .description("Failed attempts at durable work, those whose node died included")
                .register(registry);
        deadLettered = Counter.builder("safeguard.work.dead.lettered")
                .tag("kind", kind)
                .description("Pieces of durable work given up and kept as dead letters")
                .register(registry);
        latency = Timer.builder("safeguard.work.latency")
                .tag("kind", kind)
                .description("From enqueuing a piece of durable work to its being done")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("safeguard.work.pending", pending)
                .tag("kind", kind)
                .description("Pieces of durable work not yet done, those waiting out a backoff included")
                .register(registry);
        Gauge.builder("safeguard.work.lag", lagSeconds)
                .tag("kind", kind)
                .description("Age of the oldest piece of durable work not yet done")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("safeguard.work.dead.letters", deadLetters)
                .tag("kind", kind)
                .description("Pieces of durable work given up, waiting for an operator's replay")
                .register(registry);
    }

    void done(Duration sinceEnqueued) {
        done.increment();
        if (sinceEnqueued != null) {
            latency.record(sinceEnqueued);
        }
    }

    void failed() {
        failed.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
