package org.safeguardfhir.server.abandoned;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The reads running now, by the thread that serves each; a thread serves one request at a time. */
final class WatchedRequests {

    private final Map<Thread, WatchedRequest> running = new ConcurrentHashMap<>();

    WatchedRequest start(int localPort, int remotePort) {
        var request = new WatchedRequest(localPort, remotePort);
        running.put(Thread.currentThread(), request);
        return request;
    }

    void finish() {
        running.remove(Thread.currentThread());
    }

    /** The read this thread serves, or null when it serves none. */
    WatchedRequest current() {
        return running.get(Thread.currentThread());
    }

    Collection<WatchedRequest> running() {
        return running.values();
    }
}
