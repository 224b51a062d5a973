package org.safeguardfhir.server.screening;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.referral.Jurisdiction;
import org.safeguardfhir.routes.referral.ReferralBundleMapper;
import org.safeguardfhir.routes.referral.ReferralFailures;
import org.safeguardfhir.routes.referral.ReferralPlanner;
import org.safeguardfhir.routes.referral.ReferralSteps;
import org.safeguardfhir.routes.referral.ScreeningCaseLoader;
import org.safeguardfhir.routes.referral.ScreeningToReferralRoute;
import org.safeguardfhir.routes.support.PipelineMetrics;
import org.safeguardfhir.routes.support.PipelineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the screening-to-referral pipeline: outbox, FHIR store, decision rules, mappers and the Camel route. */
@Configuration(proxyBeanMethods = false)
@Import(JurisdictionConfiguration.class)
@EnableConfigurationProperties({PipelineProperties.class, ReferralDirectoryProperties.class})
class PipelineConfiguration {

    @Bean
    ScreeningOutbox screeningOutbox(DataSource dataSource, ObjectProvider<ProducerTemplate> producer) {
        return new ScreeningOutbox(
                dataSource, () -> producer.getObject().sendBody(ScreeningToReferralRoute.WAKE_ENDPOINT, "wake"));
    }

    @Bean
    ScreeningOutboxInterceptor screeningOutboxInterceptor(ScreeningOutbox outbox, IInterceptorService jpa) {
        var interceptor = new ScreeningOutboxInterceptor(outbox);
        jpa.registerInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    ConsentReplanInterceptor consentReplanInterceptor(
            ScreeningOutbox outbox, DaoRegistry daos, IInterceptorService jpa) {
        var interceptor = new ConsentReplanInterceptor(outbox, daos);
        jpa.registerInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    FhirStore fhirStore(
            FhirContext fhirContext,
            DaoRegistry daos,
            IFhirSystemDao<Bundle, Meta> systemDao,
            MatchUrlService matchUrls,
            JdbcTemplate jdbc) {
        return new JpaFhirStore(fhirContext, daos, systemDao, matchUrls, jdbc);
    }

    @Bean
    ReferralDirectoryInstaller referralDirectoryInstaller(
            ReferralDirectoryProperties properties,
            Jurisdiction jurisdiction,
            DaoRegistry daos,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            ReferralDirectoryReview review) {
        return new ReferralDirectoryInstaller(
                properties, jurisdiction, daos, new TransactionTemplate(transactionManager), jdbc, review);
    }

    @Bean
    ReferralDirectoryReview referralDirectoryReview(ReferralDirectoryProperties properties, MeterRegistry registry) {
        var review = new ReferralDirectoryReview(properties, Clock.systemUTC());
        review.register(registry);
        return review;
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry, ScreeningOutbox outbox) {
        return new PipelineMetrics(registry, outbox);
    }

    @Bean
    ReferralSteps referralSteps(
            ScreeningOutbox outbox, FhirStore store, Jurisdiction jurisdiction, PipelineMetrics metrics) {
        var mapper = new ReferralBundleMapper(Clock.systemUTC());
        return new ReferralSteps(
                outbox, new ScreeningCaseLoader(store), new ReferralPlanner(), jurisdiction, mapper, store, metrics);
    }

    @Bean
    ReferralFailures referralFailures(ScreeningOutbox outbox, PipelineProperties properties, PipelineMetrics metrics) {
        return new ReferralFailures(outbox, properties, metrics);
    }

    /** The referral route's transaction: HAPI's, so FHIR writes and the outbox row commit together. */
    @Bean("referralTransaction")
    SpringTransactionPolicy referralTransaction(PlatformTransactionManager transactionManager) {
        return new SpringTransactionPolicy(transactionManager);
    }

    @Bean
    ScreeningToReferralRoute screeningToReferralRoute(ReferralSteps steps, ReferralFailures failures) {
        return new ScreeningToReferralRoute(steps, failures);
    }
}
