package org.safeguardfhir.server.abandoned;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code interval}, looks at the reads that have run for longer than it; the socket table is read only then, so
 * quick requests cost nothing but their registration. A read whose client's connection is no longer established has
 * its statements cancelled, and again at each later look while it still holds a connection.
 */
final class AbandonedRequestWatchdog implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedRequestWatchdog.class);

    private final WatchedRequests requests;
    private final ClientSockets sockets;
    private final Duration interval;
    private ScheduledExecutorService timer;

    AbandonedRequestWatchdog(WatchedRequests requests, ClientSockets sockets, Duration interval) {
        this.requests = requests;
        this.sockets = sockets;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (sockets == null || interval.isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "abandoned-request-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::look, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    void look() {
        long after = interval.toNanos();
        var longRunning = requests.running().stream()
                .filter(r -> r.runningNanos() >= after)
                .toList();
        if (longRunning.isEmpty()) {
            return;
        }
        Set<Long> established;
        try {
            established = sockets.established();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the socket table; abandoned reads are not cancelled this time: {}", e.toString());
            return;
        }
        for (WatchedRequest request : longRunning) {
            if (request.abandoned() || !established.contains(request.socket())) {
                boolean first = !request.abandoned();
                int cancelled = request.cancel();
                if (first) {
                    LOG.info(
                            "A read's client closed its connection after {} ms; cancelled its {} database statement(s)",
                            TimeUnit.NANOSECONDS.toMillis(request.runningNanos()),
                            cancelled);
                }
            }
        }
    }
}
