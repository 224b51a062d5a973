package org.safeguardfhir.server.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.matcher.InMemoryResourceMatcher;
import java.time.Clock;
import javax.sql.DataSource;
import org.safeguardfhir.server.access.AccessPolicy;
import org.safeguardfhir.server.access.OperationAccess;
import org.safeguardfhir.server.security.SmartScope.Interaction;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration implements WebSocketConfigurer {

    private final SubscriptionChannels channels;
    private final NotificationSockets sockets;

    NotificationConfiguration(DataSource dataSource) {
        this.channels = new SubscriptionChannels(dataSource);
        this.sockets = new NotificationSockets(channels);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Receivers are servers and scripts, not pages in a browser: no cross-origin handshakes.
        registry.addHandler(sockets, NotificationSockets.PATH);
    }

    @Bean
    SubscriptionChannels subscriptionChannels() {
        return channels;
    }

    @Bean
    NotificationSockets notificationSockets() {
        return sockets;
    }

    @Bean
    SubscriptionLifecycle subscriptionLifecycle(NotificationProperties properties) {
        return new SubscriptionLifecycle(channels, properties);
    }

    @Bean
    NotificationRelay notificationRelay(
            NotificationProperties properties,
            PlatformTransactionManager transactionManager,
            DaoRegistry daos,
            FhirContext fhirContext) {
        var relay = new NotificationRelay(
                channels,
                new RestHookDelivery(properties, Clock.systemUTC()),
                sockets,
                new TransactionTemplate(transactionManager),
                daos,
                fhirContext,
                properties,
                Clock.systemUTC());
        sockets.onBind(relay::wake);
        return relay;
    }

    /** On HAPI's own interceptor service: Tasks written by the referral route notify as much as a caller's do. */
    @Bean
    TaskChangeNotifier taskChangeNotifier(
            NotificationRelay relay, InMemoryResourceMatcher matcher, IInterceptorService jpa) {
        var notifier = new TaskChangeNotifier(channels, matcher, relay::wake);
        jpa.registerInterceptor(notifier);
        return notifier;
    }

    @Bean
    SecretRotationProvider secretRotationProvider() {
        return new SecretRotationProvider(channels);
    }

    /** A Subscription's writer gets a new signing secret; whose the Subscription is, the operation checks. */
    @Bean
    OperationAccess rotateSecretAccess() {
        return OperationAccess.onType(
                "Subscription",
                "$rotate-secret",
                caller -> AccessPolicy.mayWrite(caller, "Subscription", Interaction.UPDATE),
                "Your role or scopes do not allow writing Subscription.");
    }
}
