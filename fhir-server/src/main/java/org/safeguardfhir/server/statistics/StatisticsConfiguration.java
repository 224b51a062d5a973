package org.safeguardfhir.server.statistics;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.safeguardfhir.server.access.AccessPolicy;
import org.safeguardfhir.server.access.OperationAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    @Bean
    SafeguardingStatisticsProvider safeguardingStatisticsProvider(DaoRegistry daos) {
        return new SafeguardingStatisticsProvider(new ScreeningLoader(daos));
    }

    /** The counts are suppressed and rounded for publication: the lead, dashboards and researchers may ask. */
    @Bean
    OperationAccess statisticsAccess() {
        return OperationAccess.atServer(
                "$safeguarding-statistics",
                AccessPolicy::mayReadStatistics,
                "Statistics are for the safeguarding lead, dashboards and researchers.");
    }
}
