package org.safeguardfhir.routes.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.routes.fhir.FhirStore;

/**
 * The route's view of FHIR storage for route tests: resources it may read, the transactions it wrote, and a number
 * of writes to fail first. The server's real store (HAPI's DAOs) is exercised by the server's integration tests.
 */
final class RecordingFhirStore implements FhirStore {

    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    final List<Bundle> transactions = new CopyOnWriteArrayList<>();
    final AtomicInteger writesToFail = new AtomicInteger();
    volatile Supplier<RuntimeException> failure = () -> new IllegalStateException("the FHIR store is not answering");

    void put(Resource resource) {
        resources.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
    }

    @Override
    public <T extends Resource> Optional<T> read(Class<T> type, String id) {
        return Optional.ofNullable(resources.get(type.getSimpleName() + "/" + id))
                .map(type::cast);
    }

    @Override
    public <T extends Resource> List<T> search(Class<T> type, String searchUrl) {
        // Nothing was produced from these screenings before: no Tasks, Flags, Observations or Consents.
        return new ArrayList<>();
    }

    @Override
    public Bundle transaction(Bundle transaction) {
        if (writesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw failure.get();
        }
        transactions.add(transaction);
        return new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
    }

    @Override
    public void lockSubject(String subjectReference) {
        // One screening at a time in these tests: nothing to serialise.
    }
}
