package org.safeguardfhir.server.limits;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.safeguardfhir.server.fhir.OperationOutcomeWriter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the request limits: the method, URL and size guard in front of everything, the body check after
 * authentication, the FHIR-level checks in HAPI.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class LimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(RequestLimits limits, FhirContext fhirContext) {
        var registration = new FilterRegistrationBean<>(
                new RequestGuardFilter(limits, new Refusal(new OperationOutcomeWriter(fhirContext))));
        registration.addUrlPatterns("/*");
        // Before Spring Security's chain, so an oversized body is refused before anything reads it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** TRACE reaches the filter chain, which refuses it with an OperationOutcome, rather than Tomcat's bare 405. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceToTheFilters() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(FhirContext fhirContext) {
        var registration = new FilterRegistrationBean<>(new RequestBodyFilter(
                new FhirJsonTypes(fhirContext), new Refusal(new OperationOutcomeWriter(fhirContext))));
        registration.addUrlPatterns("/fhir", "/fhir/*");
        // After Spring Security's chain: only an authenticated caller's body is read.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    OperationParameters operationParameters(FhirContext fhirContext, IValidationSupport validationSupport) {
        return new OperationParameters(fhirContext, validationSupport);
    }

    @Bean
    PatchInterceptor patchInterceptor(FhirContext fhirContext) {
        return new PatchInterceptor(new PatchRequests(fhirContext));
    }

    @Bean
    RequestLimitsInterceptor requestLimitsInterceptor(
            RequestLimits limits, FhirContext fhirContext, ISearchParamRegistry searchParamRegistry) {
        return new RequestLimitsInterceptor(limits, new SearchParameters(fhirContext, searchParamRegistry, limits));
    }
}
