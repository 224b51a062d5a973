package org.safeguardfhir.work;

import java.time.Duration;

/**
 * How one kind of durable work is retried: exponential backoff from {@code initialBackoff}, doubled after each failed
 * attempt up to {@code maxBackoff}, and given up (dead-lettered) when {@code maxAttempts} have failed. An attempt
 * whose node died while it ran counts as a failed attempt.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    public RetryPolicy {
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs 0 <= initial <= max backoff and an attempt");
        }
    }

    /** The wait after {@code failedAttempts} failures (1 for the first). */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** Whether work that has failed {@code failedAttempts} times is given up. */
    public boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
