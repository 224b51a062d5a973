package org.safeguardfhir.server.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryResourceMatcher;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;
import org.safeguardfhir.server.access.AccessPolicy;
import org.safeguardfhir.server.access.Visibility;
import org.safeguardfhir.work.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a notification for every active Subscription a Task change matches, in the transaction that changes the Task,
 * whoever changes it (a caller or the referral route). A Subscription hears of a Task only if its owner could read that
 * Task: a clinician's Subscription never hears of a restricted referral, a dashboard's hears of every referral, which it
 * reads pseudonymised.
 */
@Interceptor
class TaskChangeNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TaskChangeNotifier.class);

    private final SubscriptionChannels channels;
    private final InMemoryResourceMatcher matcher;
    private final Runnable wakeRelay;

    TaskChangeNotifier(SubscriptionChannels channels, InMemoryResourceMatcher matcher, Runnable wakeRelay) {
        this.channels = channels;
        this.matcher = matcher;
        this.wakeRelay = wakeRelay;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        notify(resource, "create");
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        notify(resource, "update");
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void deleted(IBaseResource resource) {
        notify(resource, "delete");
    }

    private void notify(IBaseResource resource, String interaction) {
        if (!(resource instanceof Task task)) {
            return;
        }
        String focus =
                SubscriptionCriteria.RESOURCE_TYPE + "/" + task.getIdElement().getIdPart();
        boolean enqueued = false;
        for (var channel : channels.active()) {
            if (AccessPolicy.visibility(channel.subscriber(), task) == Visibility.HIDDEN) {
                continue;
            }
            var match = matcher.match(channel.criteria(), task, null, new SystemRequestDetails());
            if (!match.supported()) {
                // Criteria are checked when a Subscription is stored, so this is a server fault, not the caller's.
                LOG.warn(
                        "Subscription/{} has criteria the matcher cannot evaluate: {}",
                        channel.id(),
                        match.getUnsupportedReason());
            } else if (match.matched()) {
                channels.enqueue(channel.id(), focus, interaction);
                enqueued = true;
            }
        }
        if (enqueued) {
            AfterCommit.run(wakeRelay);
        }
    }
}
