package org.safeguardfhir.routes.referral;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Set;
import org.apache.camel.Exchange;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.support.PipelineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a delivery failed and its transaction rolled back: a transient failure is retried later with
 * exponential backoff; a permanent one (the server rejected what we wrote) or one that keeps failing goes to the
 * dead-letter table. Nothing is dropped. Errors are logged by type and row id only: messages can quote resources.
 */
class ReferralFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralFailures.class);
    // Client errors that a retry cannot fix; conflicts (409, 412) and throttling (429) can be retried.
    private static final Set<Integer> PERMANENT = Set.of(400, 403, 404, 405, 410, 422);

    private final ScreeningOutbox outbox;
    private final PipelineProperties properties;
    private final PipelineMetrics metrics;

    ReferralFailures(ScreeningOutbox outbox, PipelineProperties properties, PipelineMetrics metrics) {
        this.outbox = outbox;
        this.properties = properties;
        this.metrics = metrics;
    }

    public void record(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof ReferralJob job) || !Boolean.TRUE.equals(exchange.getProperty(ReferralSteps.CLAIMED))) {
            // Nothing was claimed (the database may be down): stop draining until the next wake-up or poll.
            LOG.warn("Outbox claim failed: {}", describe(cause));
            exchange.setProperty(ReferralSteps.CLAIMED, false);
            return;
        }
        metrics.failed();
        long id = job.message().id();
        int attempts = job.message().attempts() + 1;
        try {
            if (isPermanent(cause) || attempts >= properties.maxAttempts()) {
                outbox.deadLetter(id, describe(cause));
                metrics.deadLettered();
                LOG.error(
                        "Outbox row {} dead-lettered after {} attempt(s): {}",
                        id,
                        attempts,
                        cause.getClass().getName());
            } else {
                var delay = properties.backoff(attempts);
                outbox.retryLater(id, describe(cause), delay);
                LOG.warn(
                        "Outbox row {} failed (attempt {}), retrying in {}: {}",
                        id,
                        attempts,
                        delay,
                        cause.getClass().getName());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not record the failure of outbox row {}; it stays due and will be retried", id, e);
            exchange.setProperty(ReferralSteps.CLAIMED, false);
        }
    }

    static boolean isPermanent(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BaseServerResponseException response) {
                return PERMANENT.contains(response.getStatusCode());
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        return cause.getClass().getName() + ": " + cause.getMessage();
    }
}
