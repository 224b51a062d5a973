package org.safeguardfhir.server.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One hostile request of the catalogue and what a correct FHIR server answers to it. Bodies are made when the case is
 * sent, not when the catalogue is built: some are tens of megabytes.
 *
 * <p>Requests go through {@code java.net.http.HttpClient} unless {@link #raw} is set (request line, headers and body
 * written byte for byte to a socket) or the path is one that {@code java.net.URI} refuses (bad percent-encoding, an
 * unencoded space), which the sender then also writes to a socket.
 */
final class HostileCase {

    /** The classes of the summary table. */
    enum Family {
        JSON("malformed JSON"),
        XML("malformed XML"),
        TYPES("every type x malformed body"),
        UNICODE("unicode in strings"),
        HEADERS("headers"),
        AUTH("authentication"),
        METHODS("HTTP methods"),
        CONDITIONAL("conditional operations"),
        BUNDLES("transactions and batches"),
        SEARCH("search"),
        PATCH("PATCH"),
        OPERATIONS("operations"),
        OVERSIZED("oversized resources"),
        SCREENING("malformed screening responses"),
        HOST("forged Host"),
        PATHS("paths and ids"),
        PROTOCOL("Tomcat-level protocol errors");

        final String label;

        Family(String label) {
            this.label = label;
        }
    }

    /** Who sends the request. */
    enum Auth {
        SUPERUSER,
        RESEARCHER,
        /** The case's own headers carry whatever Authorization it means to send, if any. */
        NONE
    }

    /** The statuses a correct server may answer. */
    record Expect(String label, List<Integer> statuses, boolean anySuccess) {

        static Expect status(int... codes) {
            return new Expect(
                    IntStream.of(codes).mapToObj(String::valueOf).collect(Collectors.joining("|")),
                    IntStream.of(codes).boxed().toList(),
                    false);
        }

        /** A deliberately valid request: any 2xx. */
        static Expect success() {
            return new Expect("2xx", List.of(), true);
        }

        /** Any 2xx, or one of these refusals. */
        static Expect successOr(int... codes) {
            return new Expect(
                    "2xx|" + IntStream.of(codes).mapToObj(String::valueOf).collect(Collectors.joining("|")),
                    IntStream.of(codes).boxed().toList(),
                    true);
        }

        boolean accepts(int status) {
            return statuses.contains(status) || (anySuccess && status >= 200 && status < 300);
        }
    }

    final Family family;
    final String name;
    String method = "GET";
    String path = "/fhir/metadata";
    final List<String> headers = new ArrayList<>();
    Function<Fixtures, byte[]> body;
    Function<Fixtures, byte[]> raw;
    Expect expect = Expect.status(400);
    Auth auth = Auth.SUPERUSER;
    boolean contentType = true;
    boolean mayWrite;
    final List<String> mustNotEcho = new ArrayList<>();

    HostileCase(Family family, String name) {
        this.family = family;
        this.name = family.name() + ": " + name;
    }

    HostileCase request(String method, String path) {
        this.method = method;
        this.path = path;
        return this;
    }

    HostileCase get(String path) {
        return request("GET", path);
    }

    HostileCase post(String path) {
        return request("POST", path);
    }

    HostileCase put(String path) {
        return request("PUT", path);
    }

    HostileCase patch(String path) {
        return request("PATCH", path);
    }

    HostileCase delete(String path) {
        return request("DELETE", path);
    }

    HostileCase header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** A text body; placeholders such as {@code {patient}} are filled in when the case is sent. */
    HostileCase body(String text) {
        this.body = fixtures -> fixtures.resolve(text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }

    HostileCase body(Function<Fixtures, byte[]> body) {
        this.body = body;
        return this;
    }

    /** A body made when sent, from text that needs no placeholders (large generated bodies). */
    HostileCase generated(java.util.function.Supplier<String> text) {
        this.body = fixtures -> text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }

    /** Send the body without the default {@code Content-Type: application/fhir+json}. */
    HostileCase noContentType() {
        this.contentType = false;
        return this;
    }

    /** The whole request, byte for byte, written to a socket. */
    HostileCase raw(Function<Fixtures, byte[]> request) {
        this.raw = request;
        return this;
    }

    HostileCase raw(String request) {
        return raw(fixtures -> fixtures.resolve(request).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    HostileCase expect(int... statuses) {
        this.expect = Expect.status(statuses);
        return this;
    }

    HostileCase expect(Expect expect) {
        this.expect = expect;
        return this;
    }

    /**
     * A deliberately valid write: when it succeeds, what it stores is expected. Every other case must leave the stored
     * data as it was, whatever it is answered.
     */
    HostileCase mayWrite() {
        this.mayWrite = true;
        return this;
    }

    HostileCase as(Auth auth) {
        this.auth = auth;
        return this;
    }

    /** Text that must appear in no header and nowhere in the body of the answer. */
    HostileCase mustNotEcho(String text) {
        mustNotEcho.add(text);
        return this;
    }

    boolean hasHeader(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
