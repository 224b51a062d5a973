package org.safeguardfhir.routes.support;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.safeguardfhir.work.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the screening-to-referral pipeline ({@code safeguard.pipeline.*}): how its hand-offs are retried. The
 * threads and the poll are durable work's ({@code db-scheduler.*}), shared by every kind.
 *
 * @param maxAttempts attempts before a hand-off that keeps failing is kept as a dead letter
 * @param initialBackoff delay after the first failure; doubled after each further one
 * @param maxBackoff longest delay between attempts
 */
@Validated
@ConfigurationProperties("safeguard.pipeline")
public record PipelineProperties(
        @DefaultValue("6") @Min(1) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration initialBackoff,
        @DefaultValue("5m") @NotNull Duration maxBackoff) {

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(initialBackoff, maxBackoff, maxAttempts);
    }
}
