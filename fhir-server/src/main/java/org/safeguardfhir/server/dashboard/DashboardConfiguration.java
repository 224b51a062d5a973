package org.safeguardfhir.server.dashboard;

import javax.sql.DataSource;
import org.safeguardfhir.server.audit.AuditTrail;
import org.safeguardfhir.server.deidentification.Deidentifiers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /** What a dashboard is shown of Tasks and Organizations; access control decides when. */
    @Bean
    DashboardView dashboardView(
            Deidentifiers deidentifiers,
            @Value("${safeguard.deidentification.dashboard-cached-versions:10000}") int cachedVersions) {
        return new DashboardView(deidentifiers.dashboardView(), cachedVersions);
    }

    @Bean
    PseudonymResolutionProvider pseudonymResolutionProvider(
            DataSource dataSource, Deidentifiers deidentifiers, AuditTrail audit) {
        return new PseudonymResolutionProvider(
                new PatientPseudonyms(JdbcClient.create(dataSource), deidentifiers.dashboardView()), audit);
    }
}
