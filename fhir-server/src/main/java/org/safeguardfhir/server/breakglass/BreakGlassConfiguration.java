package org.safeguardfhir.server.breakglass;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.safeguardfhir.server.access.BreakGlassGrants;
import org.safeguardfhir.server.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BreakGlassConfiguration {

    @Bean
    BreakGlassInterceptor breakGlassInterceptor(BreakGlassGrants grants, AuditTrail trail, DaoRegistry daos) {
        return new BreakGlassInterceptor(grants, trail, daos);
    }
}
