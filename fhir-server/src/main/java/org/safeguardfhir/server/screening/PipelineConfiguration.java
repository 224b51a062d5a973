package org.safeguardfhir.server.screening;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.referral.Jurisdiction;
import org.safeguardfhir.routes.referral.ReferralRouteConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's side of the screening-to-referral pipeline: the FHIR store the route writes through (HAPI's DAOs), the
 * interceptors that fill the outbox, the referral directory. The route wires itself ({@link ReferralRouteConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import({JurisdictionConfiguration.class, ReferralRouteConfiguration.class})
@EnableConfigurationProperties(ReferralDirectoryProperties.class)
class PipelineConfiguration {

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
}
