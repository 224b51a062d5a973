package org.safeguardfhir.server.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.annotation.At;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;

/**
 * The system-level interactions this server offers: transaction and batch bundles, and system history. HAPI's own
 * system provider would also expose administrative operations ({@code $expunge}, {@code $get-resource-counts},
 * reindexing, reference replacement) to any caller; those stay off.
 */
class SystemInteractionsProvider {

    private final IFhirSystemDao<Bundle, Meta> systemDao;

    SystemInteractionsProvider(IFhirSystemDao<Bundle, Meta> systemDao) {
        this.systemDao = systemDao;
    }

    @Transaction
    public Bundle transaction(RequestDetails request, @TransactionParam Bundle bundle) {
        return systemDao.transaction(request, bundle);
    }

    @History
    public IBundleProvider systemHistory(
            @Offset Integer offset, @Since Date since, @At DateRangeParam at, RequestDetails request) {
        Date from = since;
        Date until = null;
        if (at != null) {
            from = at.getLowerBoundAsInstant();
            until = at.getUpperBoundAsInstant();
        }
        return systemDao.history(from, until, offset, request);
    }
}
