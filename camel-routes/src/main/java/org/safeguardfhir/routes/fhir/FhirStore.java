package org.safeguardfhir.routes.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR storage as the referral route needs it. Calls made while a route transaction is open join that transaction,
 * so what the route reads, decides and writes commits or rolls back as one.
 */
public interface FhirStore {

    /** The current version of {@code Type/id}; empty when it does not exist or was deleted. */
    <T extends Resource> Optional<T> read(Class<T> type, String id);

    /** Every match of a search such as {@code Task?focus=QuestionnaireResponse/1}, unpaged. */
    <T extends Resource> List<T> search(Class<T> type, String searchUrl);

    /** Processes a transaction Bundle, all or nothing, and returns the transaction-response Bundle. */
    Bundle transaction(Bundle transaction);

    /**
     * Serialises work on one patient across threads and server instances until the current transaction ends, so two
     * screenings of the same patient never decide on the same stale state.
     */
    void lockSubject(String subjectReference);
}
