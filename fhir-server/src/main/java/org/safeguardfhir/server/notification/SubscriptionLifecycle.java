package org.safeguardfhir.server.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.safeguardfhir.server.access.SubscriptionOwners;
import org.safeguardfhir.server.fhir.InterceptorOrder;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.server.security.SmartScope;
import org.safeguardfhir.work.AfterCommit;

/**
 * Keeps the delivery table in step with the Subscription resources callers write: checks and completes each
 * Subscription before it is stored ({@link SubscriptionRules}), stamps its owner, and records, in the same transaction,
 * where it delivers and as whom its notifications are judged. A new Subscription's signing secret is returned once, in
 * the {@value #SECRET_HEADER} header of the answer to its create.
 */
@Interceptor
class SubscriptionLifecycle implements RestInterceptor {

    static final String SECRET_HEADER = "X-Safeguard-Subscription-Secret";

    private final SubscriptionChannels channels;
    private final NotificationProperties properties;

    SubscriptionLifecycle(SubscriptionChannels channels, NotificationProperties properties) {
        this.channels = channels;
        this.properties = properties;
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = InterceptorOrder.SUBSCRIPTION_RULES)
    public void creating(IBaseResource resource) {
        var caller = CallerAuthentication.current();
        if (resource instanceof Subscription subscription && caller.isPresent()) {
            SubscriptionRules.apply(subscription, properties.allowHttpEndpoints());
            SubscriptionOwners.stamp(subscription, caller.get().subject());
        }
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = InterceptorOrder.SUBSCRIPTION_RULES)
    public void updating(IBaseResource previous, IBaseResource resource) {
        var caller = CallerAuthentication.current();
        if (resource instanceof Subscription subscription && caller.isPresent()) {
            SubscriptionRules.apply(subscription, properties.allowHttpEndpoints());
            // Only the owner gets this far (WriteAccessInterceptor): the Subscription stays the owner's.
            SubscriptionOwners.stamp(
                    subscription,
                    SubscriptionOwners.of(previous).orElse(caller.get().subject()));
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request) {
        save(resource, request).ifPresent(secret -> {
            if (request.getRestOperationType() == RestOperationTypeEnum.CREATE
                    && request instanceof ServletRequestDetails servlet) {
                AfterCommit.run(() -> servlet.getServletResponse().setHeader(SECRET_HEADER, secret));
            }
        });
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
        save(resource, request);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void deleted(IBaseResource resource) {
        if (resource instanceof Subscription subscription) {
            channels.delete(subscription.getIdElement().getIdPart());
        }
    }

    private Optional<String> save(IBaseResource resource, RequestDetails request) {
        var caller = CallerAuthentication.current();
        if (!(resource instanceof Subscription subscription) || caller.isEmpty()) {
            return Optional.empty();
        }
        return channels.save(channel(subscription, caller.get(), request.getFhirServerBase()));
    }

    private static SubscriptionChannels.Channel channel(Subscription subscription, Caller caller, String serverBase) {
        var channel = subscription.getChannel();
        return new SubscriptionChannels.Channel(
                subscription.getIdElement().getIdPart(),
                SubscriptionOwners.of(subscription).orElse(caller.subject()),
                caller.roles(),
                caller.scopePermits(SubscriptionCriteria.RESOURCE_TYPE, SmartScope.Interaction.READ),
                subscription.getCriteria(),
                channel.getType().toCode(),
                channel.getEndpoint(),
                channel.getHeader().stream().map(StringType::getValue).toList(),
                serverBase,
                subscription.getStatus() == Subscription.SubscriptionStatus.ACTIVE);
    }
}
