package org.safeguardfhir.server.limits;

import ca.uhn.fhir.context.FhirContext;
import org.safeguardfhir.server.fhir.OperationOutcomeWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the request limits: the body and text guard in front of everything, the FHIR-level checks in HAPI. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class LimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(RequestLimits limits, FhirContext fhirContext) {
        var registration =
                new FilterRegistrationBean<>(new RequestGuardFilter(limits, new OperationOutcomeWriter(fhirContext)));
        registration.addUrlPatterns("/fhir", "/fhir/*");
        // Before Spring Security's chain, so an oversized body is refused before anything reads it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    RequestLimitsInterceptor requestLimitsInterceptor(RequestLimits limits) {
        return new RequestLimitsInterceptor(limits);
    }
}
