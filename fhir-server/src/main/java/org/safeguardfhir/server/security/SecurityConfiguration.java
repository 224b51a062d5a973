package org.safeguardfhir.server.security;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request needs a Bearer JWT except the FHIR server's public self-description and the health probes. Operator
 * endpoints (dead letters, metrics) need the {@code admin} role; what each role may do inside {@code /fhir} is decided
 * per request by the FHIR layer.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, FhirContext fhirContext, SecurityProperties properties)
            throws Exception {
        var responses = new OperationOutcomeResponses(fhirContext);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET, "/fhir/metadata", "/fhir/.well-known/smart-configuration")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Spring's error page: its body carries no detail (server.error defaults).
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasAuthority(Role.ADMIN.authority())
                        // The notification websocket: the handshake carries the Bearer token.
                        .requestMatchers("/fhir", "/fhir/**", "/websocket")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(server -> server.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(new CallerTokenConverter(properties)))
                        .authenticationEntryPoint(responses)
                        .accessDeniedHandler(responses))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(responses).accessDeniedHandler(responses));
        return http.build();
    }

    /** Static: a post-processor is made before the beans it wraps. */
    @Bean
    static ExpectedIssuer expectedIssuer(Environment environment) {
        return ExpectedIssuer.from(environment);
    }

    /** An exact servlet mapping wins over the FHIR servlet's {@code /fhir/*}. */
    @Bean
    ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(
            SecurityProperties properties, Environment environment) {
        String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        if (LocalIssuerMode.active(environment)) {
            issuer = LocalIssuerKeys.ISSUER;
        }
        var registration = new ServletRegistrationBean<>(
                new SmartConfigurationServlet(issuer, properties.smart()), SmartConfigurationServlet.PATH);
        registration.setName("smartConfiguration");
        return registration;
    }
}
