package org.safeguardfhir.server.sdc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The SDC renderer's page (src/test/renderer: index.html, renderer.js and the installed lforms package), served on
 * the loopback interface together with a reverse proxy from {@code /fhir/**} to the server under test. The page and
 * the FHIR API thus share one origin, as they would behind a clinic's gateway: the server sends no CORS headers.
 */
final class RendererPage implements AutoCloseable {

    /** Where the page and its node_modules live; Failsafe runs in the module's directory. */
    static final Path ROOT = Path.of("src/test/renderer").toAbsolutePath();

    static final String LFORMS_VERSION = "40.1.3";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "map", "application/json",
            "png", "image/png",
            "ico", "image/x-icon",
            "svg", "image/svg+xml",
            "woff2", "font/woff2");

    /**
     * Headers a proxy does not pass on: hop-by-hop ones, those java.net.http and the JDK's HttpServer set themselves,
     * and Accept-Encoding, so that bodies come back uncompressed and are copied as they are.
     */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "date",
            "from",
            "via",
            "warning",
            "accept-encoding");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "renderer-page");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String fhirBase;

    private RendererPage(int fhirPort) throws IOException {
        // As every other test addresses the server: HAPI caches the CapabilityStatement, with the base URL taken from
        // the Host of the first request, and CapabilityStatementIT expects localhost.
        this.fhirBase = "http://localhost:" + fhirPort;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fhir/", this::proxy);
        server.createContext("/", this::serveFile);
        server.setExecutor(threads);
        server.start();
    }

    /** Serves the page for the FHIR server on {@code fhirPort}; fails if the renderer package is not installed. */
    static RendererPage start(int fhirPort) {
        requireInstalledRenderer();
        try {
            return new RendererPage(fhirPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's address. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void requireInstalledRenderer() {
        Path manifest = ROOT.resolve("node_modules/lforms/package.json");
        String installed;
        try {
            installed = Files.readString(manifest);
        } catch (IOException e) {
            throw new IllegalStateException("LHC-Forms is not installed in " + ROOT
                    + ": the build runs `npm ci` there before the integration tests (install.js); run `node install.js`"
                    + " in that folder when running the test from an IDE");
        }
        if (!installed.contains("\"version\": \"" + LFORMS_VERSION + "\"")) {
            throw new IllegalStateException(
                    manifest + " is not lforms " + LFORMS_VERSION + "; run `node install.js` in " + ROOT);
        }
    }

    private void proxy(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI requested = exchange.getRequestURI();
            String target = fhirBase
                    + requested.getRawPath()
                    + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            var request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while proxying " + target, e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            send(exchange, response.statusCode(), response.body());
        }
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "only GET and HEAD".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Path file = ROOT.resolve(path.substring(1)).normalize();
            if (!file.startsWith(ROOT) || !Files.isRegularFile(file)) {
                send(exchange, 404, ("no " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders()
                    .set("Content-Type", CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0
                || status == 204
                || status == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
