package org.safeguardfhir.server.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.safeguardfhir.deidentification.config.DeidentificationConfigException;
import org.safeguardfhir.server.access.AccessPolicy;
import org.safeguardfhir.server.access.OperationAccess;
import org.safeguardfhir.server.audit.AuditTrail;
import org.safeguardfhir.server.deidentification.Deidentifiers;
import org.safeguardfhir.server.fhir.OperationOutcomeWriter;
import org.safeguardfhir.work.DurableWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
class ExportConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ExportConfiguration.class);

    @Bean
    ExportJobs exportJobs(DataSource dataSource) {
        return new ExportJobs(dataSource);
    }

    /**
     * The types each export configuration makes something of, among those the server stores. An export may not use
     * the dashboards' configuration: its pseudonyms are the ones a safeguarding lead can resolve to a patient.
     */
    @Bean
    ExportTypes exportTypes(ExportProperties properties, Deidentifiers deidentifiers, DaoRegistry daos) {
        for (String name : properties.configurations()) {
            if (deidentifiers.named(name).isEmpty()) {
                throw new DeidentificationConfigException("safeguard.export.configurations names " + name
                        + ", which is not among the de-identification configurations: " + deidentifiers.names());
            }
            if (name.equals(deidentifiers.dashboardViewName())) {
                throw new DeidentificationConfigException("safeguard.export.configurations names " + name
                        + ", the dashboards' view, whose pseudonyms can be resolved to patients: give research a"
                        + " configuration and key of its own");
            }
        }
        return name -> {
            var types = new LinkedHashSet<String>();
            deidentifiers.named(name).orElseThrow().resourceTypes().stream()
                    .filter(daos::isResourceTypeSupported)
                    .forEach(types::add);
            return types;
        };
    }

    @Bean
    ResearchExport researchExport(
            DaoRegistry daos,
            Deidentifiers deidentifiers,
            ExportJobs jobs,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            FhirContext fhirContext,
            ExportProperties properties,
            EntityManagerFactory entityManagerFactory) {
        return new ResearchExport(
                daos,
                deidentifiers,
                jobs,
                dataSource,
                transactionManager,
                fhirContext,
                properties,
                entityManagerFactory);
    }

    /** Each queued export is made as durable work; given up, its job is marked failed. */
    @Bean
    OneTimeTask<String> researchExports(
            DurableWork work, ExportJobs jobs, ResearchExport export, ExportProperties properties) {
        var maker = new ExportMaker(jobs, export);
        return work.kind(ExportMaker.KIND)
                .retriedBy(properties.retryPolicy())
                .whenGivenUp((id, jobId) -> jobs.failed(UUID.fromString(jobId)))
                .handledBy((id, jobId) -> maker.make(jobId));
    }

    /** Expired exports are deleted by one node of many, every {@code cleanup-interval}. */
    @Bean
    RecurringTask<Void> expiredResearchExports(ExportJobs jobs, ExportProperties properties) {
        return Tasks.recurring("research-export-expiry", FixedDelay.of(properties.cleanupInterval()))
                .execute((instance, context) -> {
                    int expired = jobs.deleteExpired(properties.retention());
                    if (expired > 0) {
                        LOG.info("Deleted {} expired research exports", expired);
                    }
                });
    }

    @Bean
    BulkExportProvider bulkExportProvider(
            ExportJobs jobs,
            DurableWork work,
            OneTimeTask<String> researchExports,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            FhirContext fhirContext,
            ExportProperties properties,
            ExportTypes types) {
        return new BulkExportProvider(
                jobs,
                queued -> work.enqueue(researchExports, queued.toString(), queued.toString()),
                audit,
                new TransactionTemplate(transactionManager),
                new OperationOutcomeWriter(fhirContext),
                properties,
                types);
    }

    /** The resource types an export configuration exports, in the order its rules name them. */
    interface ExportTypes extends Function<String, Set<String>> {}

    /** The research export's kick-off, status and file operations: researchers'. */
    @Bean
    OperationAccess exportKickOffAccess() {
        return researchersOnly("$export");
    }

    @Bean
    OperationAccess exportStatusAccess() {
        return researchersOnly("$export-poll-status");
    }

    @Bean
    OperationAccess exportFileAccess() {
        return researchersOnly("$export-file");
    }

    private static OperationAccess researchersOnly(String operation) {
        return OperationAccess.atServer(operation, AccessPolicy::mayExport, "Research exports are for researchers.");
    }
}
