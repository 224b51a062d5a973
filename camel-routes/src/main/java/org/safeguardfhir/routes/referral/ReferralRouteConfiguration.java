package org.safeguardfhir.routes.referral;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.routes.support.PipelineProperties;
import org.safeguardfhir.work.DurableWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The referral pipeline's wiring, owned by the pipeline: the application imports it and supplies the {@link FhirStore}
 * port, the {@link Jurisdiction} whose rules apply, durable work (with its data source), the transaction manager that
 * the FHIR store's writes join (so that a delivery's referrals commit together), and {@code safeguard.pipeline.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
public class ReferralRouteConfiguration {

    /** The hand-offs' kind of durable work; each is delivered through the route. */
    @Bean
    OneTimeTask<String> screeningReferrals(
            DurableWork work, PipelineProperties properties, ObjectProvider<ProducerTemplate> producer) {
        return work.kind(ScreeningOutbox.KIND)
                .retriedBy(properties.retryPolicy())
                .permanentWhen(ReferralFailures::isPermanent)
                .handledBy(new ReferralDelivery(producer));
    }

    @Bean
    ScreeningOutbox screeningOutbox(DurableWork work, OneTimeTask<String> screeningReferrals) {
        return new ScreeningOutbox(work, screeningReferrals);
    }

    @Bean(ScreeningToReferralRoute.TRANSACTION_POLICY)
    SpringTransactionPolicy referralTransaction(PlatformTransactionManager transactionManager) {
        return new SpringTransactionPolicy(transactionManager);
    }

    @Bean
    ScreeningToReferralRoute screeningToReferralRoute(FhirStore store, Jurisdiction jurisdiction) {
        return new ScreeningToReferralRoute(new ReferralSteps(
                new ScreeningCaseLoader(store),
                new ReferralPlanner(),
                jurisdiction,
                new ReferralBundleMapper(Clock.systemUTC()),
                store));
    }
}
