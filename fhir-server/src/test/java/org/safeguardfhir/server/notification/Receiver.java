package org.safeguardfhir.server.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A rest-hook receiver on the loopback interface that records what it is sent and can be told to fail. */
final class Receiver implements AutoCloseable {

    /** One POST as received. */
    record Delivery(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> taken = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            attempts.incrementAndGet();
            boolean fail = failuresToGive.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
            if (!fail) {
                taken.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body));
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next so many deliveries are answered 500. */
    void failNext(int times) {
        failuresToGive.set(times);
    }

    int attempts() {
        return attempts.get();
    }

    Delivery next(Duration timeout) throws InterruptedException {
        var delivery = taken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (delivery == null) {
            throw new AssertionError("nothing delivered within " + timeout);
        }
        return delivery;
    }

    /** Null if nothing arrives within the time. */
    Delivery poll(Duration timeout) throws InterruptedException {
        return taken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
