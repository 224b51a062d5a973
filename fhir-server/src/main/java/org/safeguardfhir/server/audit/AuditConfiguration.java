package org.safeguardfhir.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import org.safeguardfhir.server.access.BreakGlassGrants;
import org.safeguardfhir.work.DurableWork;
import org.safeguardfhir.work.RetryPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Audit records are never dropped: retried for about a day, then kept as dead letters for replay. */
    @Bean
    OneTimeTask<String> auditRecords(
            DurableWork work,
            DaoRegistry daos,
            PlatformTransactionManager transactionManager,
            FhirContext fhirContext,
            @Value("${safeguard.audit.max-attempts:300}") int maxAttempts) {
        var store = new AuditRecordStore(daos, new TransactionTemplate(transactionManager), fhirContext);
        return work.kind(AuditTrail.KIND)
                .retriedBy(new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), maxAttempts))
                .handledBy(store::store);
    }

    @Bean
    AuditTrail auditTrail(DurableWork work, OneTimeTask<String> auditRecords, FhirContext fhirContext) {
        return new AuditTrail(work, auditRecords, fhirContext);
    }

    @Bean
    AccessAuditInterceptor accessAuditInterceptor(AuditTrail trail, BreakGlassGrants grants) {
        return new AccessAuditInterceptor(trail, grants);
    }
}
