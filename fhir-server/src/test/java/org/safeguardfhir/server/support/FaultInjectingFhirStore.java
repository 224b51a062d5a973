package org.safeguardfhir.server.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.routes.fhir.FhirStore;

/**
 * Wraps the server's FHIR store so a test can make the referral write of one chosen screening fail, the way a
 * crash, a dropped connection or a rejected write would, and then watch the pipeline recover. Unarmed, it passes
 * every call straight through.
 */
public final class FaultInjectingFhirStore implements FhirStore {

    private final FhirStore delegate;
    private final Map<String, Queue<Supplier<RuntimeException>>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> written = new ConcurrentHashMap<>();

    public FaultInjectingFhirStore(FhirStore delegate) {
        this.delegate = delegate;
    }

    /** The next {@code times} referral transactions for the response fail with {@code fault}. */
    public void failTransactions(String responseId, int times, Supplier<RuntimeException> fault) {
        var queue = faults.computeIfAbsent(responseId, id -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    /** Faults armed for the response that have not fired yet. */
    public int remainingFaults(String responseId) {
        var queue = faults.get(responseId);
        return queue == null ? 0 : queue.size();
    }

    /** Referral transactions for the response that this instance's store carried out. */
    public int transactionsFor(String responseId) {
        var count = written.get(responseId);
        return count == null ? 0 : count.get();
    }

    @Override
    public <T extends Resource> Optional<T> read(Class<T> type, String id) {
        return delegate.read(type, id);
    }

    @Override
    public <T extends Resource> List<T> search(Class<T> type, String searchUrl) {
        return delegate.search(type, searchUrl);
    }

    @Override
    public Bundle transaction(Bundle transaction) {
        var response = responseOf(transaction);
        var fault = response.map(faults::get).map(Queue::poll);
        if (fault.isPresent()) {
            throw fault.get().get();
        }
        var result = delegate.transaction(transaction);
        response.ifPresent(
                id -> written.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet());
        return result;
    }

    @Override
    public void lockSubject(String subjectReference) {
        delegate.lockSubject(subjectReference);
    }

    /** Every referral transaction carries a Provenance whose source entity is the screening response. */
    private static Optional<String> responseOf(Bundle transaction) {
        return transaction.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Provenance.class::isInstance)
                .map(resource -> ((Provenance) resource)
                        .getEntityFirstRep()
                        .getWhat()
                        .getReferenceElement()
                        .getIdPart())
                .findFirst();
    }
}
