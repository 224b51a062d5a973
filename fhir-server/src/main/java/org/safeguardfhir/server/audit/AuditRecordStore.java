package org.safeguardfhir.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one audit record as an AuditEvent resource, as durable work. The resource's id is the work's id, so a record
 * stored again after a crash (work runs at least once) is the same AuditEvent, not a second one.
 */
class AuditRecordStore {

    private final DaoRegistry daos;
    private final TransactionTemplate transactions;
    private final FhirContext fhirContext;

    AuditRecordStore(DaoRegistry daos, TransactionTemplate transactions, FhirContext fhirContext) {
        this.daos = daos;
        this.transactions = transactions;
        this.fhirContext = fhirContext;
    }

    void store(String id, String json) {
        var event = fhirContext.newJsonParser().parseResource(AuditEvent.class, json);
        event.setId(id);
        transactions.executeWithoutResult(
                status -> daos.getResourceDao(AuditEvent.class).update(event, new SystemRequestDetails()));
    }
}
