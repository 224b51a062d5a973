package org.safeguardfhir.server.screening;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.server.validation.WriteValidationInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The route's FHIR store on HAPI's DAOs, in-process: no HTTP hop, and every call joins the route's transaction.
 * Calls run as the system, so write validation and the storage interceptors still apply.
 */
class JpaFhirStore implements FhirStore {

    // First half of the two-part advisory lock key; the second is a hash of the patient reference.
    private static final int SUBJECT_LOCK_SPACE = 0x5afe_0002;

    private final FhirContext fhirContext;
    private final DaoRegistry daos;
    private final IFhirSystemDao<Bundle, Meta> systemDao;
    private final MatchUrlService matchUrls;
    private final JdbcTemplate jdbc;

    JpaFhirStore(
            FhirContext fhirContext,
            DaoRegistry daos,
            IFhirSystemDao<Bundle, Meta> systemDao,
            MatchUrlService matchUrls,
            JdbcTemplate jdbc) {
        this.fhirContext = fhirContext;
        this.daos = daos;
        this.systemDao = systemDao;
        this.matchUrls = matchUrls;
        this.jdbc = jdbc;
    }

    @Override
    public <T extends Resource> Optional<T> read(Class<T> type, String id) {
        try {
            return Optional.of(type.cast(daos.getResourceDao(type).read(new IdType(id), new SystemRequestDetails())));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return Optional.empty();
        }
    }

    @Override
    public <T extends Resource> List<T> search(Class<T> type, String searchUrl) {
        SearchParameterMap map = matchUrls.translateMatchUrl(searchUrl, fhirContext.getResourceDefinition(type));
        map.setLoadSynchronous(true);
        return daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources().stream()
                .map(type::cast)
                .toList();
    }

    @Override
    public Bundle transaction(Bundle transaction) {
        // Nested: HAPI joins the route's transaction instead of insisting on its own.
        return systemDao.transactionNested(WriteValidationInterceptor.trustedWriter(), transaction);
    }

    @Override
    public void lockSubject(String subjectReference) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A subject lock only makes sense inside the route's transaction");
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> {}, SUBJECT_LOCK_SPACE, subjectReference);
    }
}
