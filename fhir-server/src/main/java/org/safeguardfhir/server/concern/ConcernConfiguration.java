package org.safeguardfhir.server.concern;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.Optional;
import org.safeguardfhir.routes.referral.Icd10cmMap;
import org.safeguardfhir.routes.referral.SuspicionRecord;
import org.safeguardfhir.server.access.AccessPolicy;
import org.safeguardfhir.server.access.OperationAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the lead's confirmation of a concern. */
@Configuration(proxyBeanMethods = false)
class ConcernConfiguration {

    @Bean
    ConcernConfirmationProvider concernConfirmationProvider(
            DaoRegistry daos,
            PlatformTransactionManager transactionManager,
            @Value("${safeguard.referral.icd10cm-codes:false}") boolean icd10cmCodes) {
        var suspicions = new SuspicionRecord(icd10cmCodes ? Optional.of(Icd10cmMap.load()) : Optional.empty());
        return new ConcernConfirmationProvider(daos, suspicions, new TransactionTemplate(transactionManager));
    }

    /** The lead records a suspicion after reviewing a screen; nobody else may label a person. */
    @Bean
    OperationAccess confirmConcernAccess() {
        return OperationAccess.onType(
                "QuestionnaireResponse",
                "$confirm-concern",
                AccessPolicy::seesRestricted,
                "Only the safeguarding lead records a suspicion.");
    }
}
