package org.safeguardfhir.server.abandoned;

import javax.sql.DataSource;
import org.safeguardfhir.server.limits.RequestLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the watch on reads: the filter that registers each, the pool that records their connections, and the
 * watchdog that cancels them ({@code safeguard.limits.client-gone-check}; zero turns it off).
 */
@Configuration(proxyBeanMethods = false)
class AbandonedRequestsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedRequestsConfiguration.class);

    @Bean
    static WatchedRequests watchedRequests() {
        return new WatchedRequests();
    }

    /** Every data source, so a read's connections are known whichever part of the server borrows them. */
    @Bean
    static BeanPostProcessor cancellingDataSources(WatchedRequests requests) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource pool && !(bean instanceof CancellingDataSource)
                        ? new CancellingDataSource(pool, requests)
                        : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestWatchFilter> requestWatchFilter(WatchedRequests requests, RequestLimits limits) {
        var registration = new FilterRegistrationBean<>(new RequestWatchFilter(requests));
        registration.addUrlPatterns("/fhir", "/fhir/*");
        // Just after the request guard: a refused request is never watched.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setEnabled(watching(limits));
        return registration;
    }

    @Bean
    AbandonedRequestWatchdog abandonedRequestWatchdog(WatchedRequests requests, RequestLimits limits) {
        return new AbandonedRequestWatchdog(requests, ClientSockets.ofThisMachine(), limits.clientGoneCheck());
    }

    private static boolean watching(RequestLimits limits) {
        if (limits.clientGoneCheck().isZero()) {
            return false;
        }
        if (ClientSockets.ofThisMachine() == null) {
            LOG.warn("No socket table to read (not Linux): a read whose client has gone runs on until"
                    + " safeguard.limits.statement-timeout");
            return false;
        }
        return true;
    }
}
