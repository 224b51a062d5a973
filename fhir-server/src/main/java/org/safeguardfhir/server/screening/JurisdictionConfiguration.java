package org.safeguardfhir.server.screening;

import org.safeguardfhir.routes.referral.Jurisdiction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jurisdiction whose referral rules apply ({@code SAFEGUARD_JURISDICTION}). A value whose rules are not modelled
 * (UK, Scotland, Northern Ireland, a typo) stops start-up with a message saying why, rather than running a
 * deployment on another country's law.
 */
@Configuration(proxyBeanMethods = false)
class JurisdictionConfiguration {

    @Bean
    Jurisdiction jurisdiction(@Value("${safeguard.jurisdiction}") String configured) {
        return Jurisdiction.parse(configured);
    }
}
