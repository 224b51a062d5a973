package org.safeguardfhir.server.statistics;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    @Bean
    SafeguardingStatisticsProvider safeguardingStatisticsProvider(DaoRegistry daos) {
        return new SafeguardingStatisticsProvider(new ScreeningLoader(daos));
    }
}
