package org.safeguardfhir.server.sdc;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.safeguardfhir.profiles.sdc.QuestionnairePopulator;
import org.safeguardfhir.profiles.sdc.SdcExpressions;
import org.safeguardfhir.server.access.AccessPolicy;
import org.safeguardfhir.server.access.OperationAccess;
import org.safeguardfhir.server.security.SmartScope.Interaction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the SDC operations. */
@Configuration(proxyBeanMethods = false)
class SdcConfiguration {

    @Bean
    PopulateProvider populateProvider(DaoRegistry daos, FhirContext fhirContext) {
        return new PopulateProvider(daos, new QuestionnairePopulator(new SdcExpressions(fhirContext)));
    }

    /** Pre-fill reads the Questionnaire and the subject Patient, as the caller, and stores nothing. */
    @Bean
    OperationAccess populateAccess() {
        return OperationAccess.onType(
                "Questionnaire",
                "$populate",
                caller -> AccessPolicy.mayRead(caller, "Questionnaire", Interaction.READ)
                        && AccessPolicy.mayRead(caller, "Patient", Interaction.READ),
                "Your role or scopes do not allow reading the Questionnaire and the Patient it is filled for.");
    }
}
