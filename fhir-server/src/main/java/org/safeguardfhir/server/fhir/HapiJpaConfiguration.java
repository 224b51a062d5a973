package org.safeguardfhir.server.fhir;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.provider.DaoRegistryResourceSupportedSvc;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.search.IStaleSearchDeletingSvc;
import ca.uhn.fhir.jpa.search.StaleSearchDeletingSvcImpl;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.api.IResourceSupportedSvc;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** HAPI's JPA persistence for FHIR R4, with the storage rules this service relies on. */
@Configuration(proxyBeanMethods = false)
@Import({
    JpaR4Config.class,
    ThreadPoolFactoryConfig.class,
    JpaBatch2Config.class,
    Batch2JobsConfig.class,
    SubscriptionChannelConfig.class
})
class HapiJpaConfiguration {

    @Bean
    JpaStorageSettings jpaStorageSettings() {
        var settings = new JpaStorageSettings();
        // References must point at resources that exist here: no placeholders, no remote targets.
        settings.setAllowExternalReferences(false);
        settings.setAutoCreatePlaceholderReferenceTargets(false);
        settings.setEnforceReferentialIntegrityOnWrite(true);
        settings.setEnforceReferentialIntegrityOnDelete(true);
        settings.setDeleteEnabled(true);
        // Search parameters come with the conformance package, before the data they index; HAPI's reindexing jobs
        // are not wired, so a parameter added later indexes only what is written after it.
        settings.setMarkResourcesForReindexingUponSearchParameterChange(false);
        settings.setAllowMultipleDelete(false);
        settings.setExpungeEnabled(false);
        // No full-text index: search runs on PostgreSQL alone.
        settings.setAdvancedHSearchIndexing(false);
        settings.setHibernateSearchIndexFullText(false);
        settings.setHibernateSearchIndexSearchParams(false);
        settings.setStoreResourceInHSearchIndex(false);
        // Conditional create and update must match exactly one resource under concurrency, not just "probably".
        settings.setUniqueIndexesEnabled(true);
        // HAPI would answer a search repeated within a minute from the first one's results, so a lead polling for
        // new referral Tasks (an immediate-danger one among them) would not see them for up to a minute.
        settings.setReuseCachedSearchResultsForMillis(null);
        return settings;
    }

    @Bean
    SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings();
    }

    @Bean
    PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    IStaleSearchDeletingSvc staleSearchDeletingSvc() {
        return new StaleSearchDeletingSvcImpl();
    }

    @Bean
    DatabaseBackedPagingProvider databaseBackedPagingProvider(FhirServerProperties properties) {
        var paging = new DatabaseBackedPagingProvider();
        paging.setDefaultPageSize(properties.defaultPageSize());
        paging.setMaximumPageSize(properties.maxPageSize());
        return paging;
    }

    /** Static: it edits bean definitions, so it must exist before any other bean of this configuration. */
    @Bean
    static SupportedResourceTypes supportedResourceTypes(Environment environment) {
        var configured = Binder.get(environment)
                .bind("safeguard.fhir.resource-types", Bindable.setOf(String.class))
                .orElseThrow(() -> new IllegalStateException("safeguard.fhir.resource-types is not set"));
        return new SupportedResourceTypes(configured);
    }

    @Bean
    IResourceSupportedSvc resourceSupportedSvc(DaoRegistry daoRegistry, SupportedResourceTypes supported) {
        daoRegistry.setSupportedResourceTypes(supported.all());
        return new DaoRegistryResourceSupportedSvc(daoRegistry);
    }

    @Primary
    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(
            ConfigurableListableBeanFactory beanFactory,
            FhirContext fhirContext,
            JpaStorageSettings storageSettings,
            JpaProperties jpaProperties,
            DataSource dataSource) {
        var factory = HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
        factory.setPersistenceUnitName("HAPI_PU");
        factory.setJpaPropertyMap(jpaProperties.getProperties());
        factory.setDataSource(dataSource);
        return factory;
    }

    @Primary
    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
