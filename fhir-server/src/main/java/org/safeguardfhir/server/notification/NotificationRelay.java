package org.safeguardfhir.server.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.safeguardfhir.server.worker.PollingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the notification outbox, one subscription at a time: everything waiting for a subscription goes out in one
 * Bundle, in event order, and is deleted in the transaction that saw it delivered. A failed delivery keeps the
 * notifications and backs off; after {@code max-attempts} failures in a row the Subscription turns to status
 * {@code error} and waits, notifications kept, until its owner sets it active again. Woken when a notification
 * commits, and polls as a safety net (a crash, another instance, a backoff that ran out).
 */
class NotificationRelay extends PollingWorker {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRelay.class);
    /** Events per delivery; the rest follow at once in the next. */
    static final int BATCH = 100;

    private final SubscriptionChannels channels;
    private final RestHookDelivery restHooks;
    private final NotificationSockets sockets;
    private final TransactionTemplate transactions;
    private final DaoRegistry daos;
    private final FhirContext fhirContext;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationRelay(
            SubscriptionChannels channels,
            RestHookDelivery restHooks,
            NotificationSockets sockets,
            TransactionTemplate transactions,
            DaoRegistry daos,
            FhirContext fhirContext,
            NotificationProperties properties,
            Clock clock) {
        super("notification-relay", properties.pollInterval());
        this.channels = channels;
        this.restHooks = restHooks;
        this.sockets = sockets;
        this.transactions = transactions;
        this.daos = daos;
        this.fhirContext = fhirContext;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void drain() {
        try {
            boolean delivered = true;
            while (delivered && running()) {
                delivered = false;
                for (String id : channels.due()) {
                    delivered |= deliverOne(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The notification outbox could not be read; retrying at the next poll: {}", e.toString());
        }
    }

    /** Delivers what waits for one subscription; false if nothing went out. */
    private boolean deliverOne(String subscriptionId) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (!channels.claim(subscriptionId)) {
                    return false;
                }
                var channel = channels.find(subscriptionId).filter(SubscriptionChannels.Channel::active);
                if (channel.isEmpty()
                        || ("websocket".equals(channel.get().type()) && !sockets.hasBound(subscriptionId))) {
                    // A websocket's notifications wait until its client binds.
                    return false;
                }
                var pending = channels.pending(subscriptionId, BATCH);
                if (pending.isEmpty()) {
                    return false;
                }
                var bundle = NotificationBundle.of(
                        channel.get(), pending, channels.events(subscriptionId), Date.from(clock.instant()));
                byte[] body = fhirContext
                        .newJsonParser()
                        .encodeResourceToString(bundle)
                        .getBytes(StandardCharsets.UTF_8);
                String failure = "websocket".equals(channel.get().type())
                        ? (sockets.send(subscriptionId, new String(body, StandardCharsets.UTF_8))
                                ? null
                                : "no bound websocket took the notification")
                        : restHooks.post(
                                channel.get(), channels.secret(subscriptionId).orElseThrow(), body);
                if (failure != null) {
                    throw new DeliveryFailed(failure);
                }
                channels.delivered(
                        subscriptionId, pending.get(pending.size() - 1).id());
                return true;
            }));
        } catch (DeliveryFailed e) {
            recover(subscriptionId, e.getMessage());
            return false;
        }
    }

    private void recover(String subscriptionId, String error) {
        int failures = transactions.execute(status -> channels.failed(subscriptionId, error, properties));
        // The receiver's answer is logged, never the notification: it names Tasks.
        LOG.warn("Notification for Subscription/{} failed (attempt {}): {}", subscriptionId, failures, error);
        if (failures < properties.maxAttempts()) {
            passAfter(properties.backoff(failures));
        }
        if (failures >= properties.maxAttempts()) {
            transactions.executeWithoutResult(status -> {
                channels.deactivate(subscriptionId);
                markError(subscriptionId, error, failures);
            });
        }
    }

    /** Tells the owner, on the Subscription itself, why its notifications stopped. */
    private void markError(String subscriptionId, String error, int failures) {
        var dao = daos.getResourceDao(Subscription.class);
        try {
            var subscription = dao.read(new IdType("Subscription", subscriptionId), new SystemRequestDetails());
            subscription.setStatus(Subscription.SubscriptionStatus.ERROR);
            subscription.setError(failures + " deliveries in a row failed, the last with: " + error
                    + ". Notifications are kept; set the status to active to resume.");
            dao.update(subscription, new SystemRequestDetails());
        } catch (ResourceNotFoundException deleted) {
            // Deleted meanwhile: its notifications went with it.
        }
    }

    /** Carries the receiver's answer out of the rolled-back transaction. */
    private static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String message) {
            super(message, null, false, false);
        }
    }
}
