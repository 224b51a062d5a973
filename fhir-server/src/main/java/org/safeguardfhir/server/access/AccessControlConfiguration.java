package org.safeguardfhir.server.access;

import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access policy's enforcement points, registered on the FHIR REST server (see {@link RestInterceptor}). */
@Configuration(proxyBeanMethods = false)
class AccessControlConfiguration {

    @Bean
    OperationAccessInterceptor operationAccessInterceptor() {
        return new OperationAccessInterceptor();
    }

    @Bean
    SearchNarrowingInterceptor searchNarrowingInterceptor() {
        return new SearchNarrowingInterceptor();
    }

    @Bean
    ResponsePhase responsePhase() {
        return new ResponsePhase();
    }

    @Bean
    WriteAccessInterceptor writeAccessInterceptor() {
        return new WriteAccessInterceptor();
    }

    @Bean
    LabelConsentInterceptor labelConsentInterceptor() {
        return new LabelConsentInterceptor(new LabelConsentService());
    }

    /** HAPI's consent interceptor, marked for registration on the REST server. */
    static class LabelConsentInterceptor extends ConsentInterceptor implements RestInterceptor {
        LabelConsentInterceptor(LabelConsentService service) {
            super(service);
        }
    }
}
