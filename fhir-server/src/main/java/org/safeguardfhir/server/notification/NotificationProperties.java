package org.safeguardfhir.server.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowHttpEndpoints whether rest-hook endpoints may be plain http; off, only https receivers are accepted
 * @param pollInterval the relay's safety-net poll; commits wake it at once
 * @param initialBackoff the wait after a subscription's first failed delivery, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts consecutive failed deliveries after which the Subscription turns to status error and waits for
 *     its owner to set it active again; its notifications are kept meanwhile
 * @param timeout how long a receiver has to connect and answer
 */
@ConfigurationProperties("safeguard.notifications")
public record NotificationProperties(
        boolean allowHttpEndpoints,
        Duration pollInterval,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxAttempts,
        Duration timeout) {

    public NotificationProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** The wait after {@code failures} consecutive failed deliveries. */
    Duration backoff(int failures) {
        var delay = initialBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
