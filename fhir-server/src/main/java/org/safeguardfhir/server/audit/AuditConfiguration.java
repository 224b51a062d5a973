package org.safeguardfhir.server.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.safeguardfhir.server.access.BreakGlassGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(DaoRegistry daos) {
        return new AuditTrail(daos);
    }

    @Bean
    AccessAuditInterceptor accessAuditInterceptor(AuditTrail trail, BreakGlassGrants grants) {
        return new AccessAuditInterceptor(trail, grants);
    }
}
