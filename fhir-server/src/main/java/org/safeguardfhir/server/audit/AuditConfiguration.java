package org.safeguardfhir.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.safeguardfhir.server.access.BreakGlassGrants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditOutbox auditOutbox(DataSource dataSource) {
        return new AuditOutbox(dataSource);
    }

    @Bean
    AuditOutboxRelay auditOutboxRelay(
            AuditOutbox outbox,
            DaoRegistry daos,
            PlatformTransactionManager transactionManager,
            FhirContext fhirContext,
            @Value("${safeguard.audit.poll-interval:5s}") Duration pollInterval) {
        return new AuditOutboxRelay(
                outbox, daos, new TransactionTemplate(transactionManager), fhirContext, pollInterval);
    }

    @Bean
    AuditTrail auditTrail(AuditOutbox outbox, AuditOutboxRelay relay, FhirContext fhirContext) {
        return new AuditTrail(outbox, relay, fhirContext);
    }

    @Bean
    AccessAuditInterceptor accessAuditInterceptor(AuditTrail trail, BreakGlassGrants grants) {
        return new AccessAuditInterceptor(trail, grants);
    }
}
