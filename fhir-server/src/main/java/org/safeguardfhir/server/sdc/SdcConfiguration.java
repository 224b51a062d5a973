package org.safeguardfhir.server.sdc;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.safeguardfhir.profiles.sdc.QuestionnairePopulator;
import org.safeguardfhir.profiles.sdc.SdcExpressions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the SDC operations. */
@Configuration(proxyBeanMethods = false)
class SdcConfiguration {

    @Bean
    PopulateProvider populateProvider(DaoRegistry daos, FhirContext fhirContext) {
        return new PopulateProvider(daos, new QuestionnairePopulator(new SdcExpressions(fhirContext)));
    }
}
