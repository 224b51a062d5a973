package org.safeguardfhir.routes.support;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the screening-to-referral pipeline ({@code safeguard.pipeline.*}).
 *
 * @param workers competing outbox workers in this instance
 * @param pollInterval safety-net poll; commits wake the workers at once, so this only bounds the delay of a missed
 *     wake-up or of a row waiting out its backoff
 * @param maxAttempts attempts before a row that keeps failing goes to the dead-letter table
 * @param initialBackoff delay after the first failure; doubled after each further one
 * @param maxBackoff longest delay between attempts
 */
@Validated
@ConfigurationProperties("safeguard.pipeline")
public record PipelineProperties(
        @DefaultValue("2") @Min(1) int workers,
        @DefaultValue("5s") @NotNull Duration pollInterval,
        @DefaultValue("6") @Min(1) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration initialBackoff,
        @DefaultValue("5m") @NotNull Duration maxBackoff) {

    /** Exponential backoff after {@code attempts} failures, capped at {@link #maxBackoff()}. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
