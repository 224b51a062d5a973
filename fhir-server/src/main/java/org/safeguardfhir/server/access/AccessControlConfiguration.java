package org.safeguardfhir.server.access;

import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access policy's enforcement points, registered on the FHIR REST server (see {@link RestInterceptor}). */
@Configuration(proxyBeanMethods = false)
class AccessControlConfiguration {

    @Bean
    BreakGlassGrants breakGlassGrants(@Value("${safeguard.security.break-glass-duration:60m}") Duration duration) {
        return new BreakGlassGrants(duration, Clock.systemUTC());
    }

    @Bean
    OperationAccessInterceptor operationAccessInterceptor(
            List<OperationAccess> featureOperations, PseudonymisedView dashboardView) {
        return new OperationAccessInterceptor(featureOperations, dashboardView);
    }

    @Bean
    ClientLabels clientLabels() {
        return new ClientLabels();
    }

    @Bean
    ServerAssignedTaskIds serverAssignedTaskIds() {
        return new ServerAssignedTaskIds();
    }

    @Bean
    SearchNarrowingInterceptor searchNarrowingInterceptor(BreakGlassGrants grants) {
        return new SearchNarrowingInterceptor(grants);
    }

    @Bean
    ResponsePhase responsePhase(BreakGlassGrants grants, PseudonymisedView dashboardView) {
        return new ResponsePhase(grants, dashboardView);
    }

    @Bean
    WriteAccessInterceptor writeAccessInterceptor() {
        return new WriteAccessInterceptor();
    }

    @Bean
    LabelConsentInterceptor labelConsentInterceptor(BreakGlassGrants grants, PseudonymisedView dashboardView) {
        return new LabelConsentInterceptor(new LabelConsentService(grants, dashboardView));
    }

    /** HAPI's consent interceptor, marked for registration on the REST server. */
    static class LabelConsentInterceptor extends ConsentInterceptor implements RestInterceptor {
        LabelConsentInterceptor(LabelConsentService service) {
            super(service);
        }
    }
}
