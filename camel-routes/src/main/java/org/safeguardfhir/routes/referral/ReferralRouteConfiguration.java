package org.safeguardfhir.routes.referral;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.support.PipelineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The referral pipeline's wiring, owned by the pipeline: the application imports it and supplies the {@link FhirStore}
 * port, the {@link Jurisdiction} whose rules apply, the data source and its transaction manager (the one the FHIR
 * store's writes join, so that referrals and the outbox row commit together), and {@code safeguard.pipeline.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
public class ReferralRouteConfiguration {

    @Bean
    ScreeningOutbox screeningOutbox(DataSource dataSource, ObjectProvider<ProducerTemplate> producer) {
        return new ScreeningOutbox(
                dataSource, () -> producer.getObject().sendBody(ScreeningToReferralRoute.WAKE_ENDPOINT, "wake"));
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry, ScreeningOutbox outbox) {
        return new PipelineMetrics(registry, outbox);
    }

    @Bean(ScreeningToReferralRoute.TRANSACTION_POLICY)
    SpringTransactionPolicy referralTransaction(PlatformTransactionManager transactionManager) {
        return new SpringTransactionPolicy(transactionManager);
    }

    @Bean
    ScreeningToReferralRoute screeningToReferralRoute(
            ScreeningOutbox outbox,
            FhirStore store,
            Jurisdiction jurisdiction,
            PipelineProperties properties,
            PipelineMetrics metrics) {
        var steps = new ReferralSteps(
                outbox,
                new ScreeningCaseLoader(store),
                new ReferralPlanner(),
                jurisdiction,
                new ReferralBundleMapper(Clock.systemUTC()),
                store,
                metrics);
        return new ScreeningToReferralRoute(steps, new ReferralFailures(outbox, properties, metrics));
    }
}
