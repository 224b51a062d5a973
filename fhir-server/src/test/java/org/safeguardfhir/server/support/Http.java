package org.safeguardfhir.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP to the FHIR endpoint, for tests that assert status codes and bodies exactly as a client sees them. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    /** GET {@code /fhir/<path>} (or {@code /fhir?…} when the path is a query) with a Bearer token. */
    public static HttpResponse<String> get(int port, String token, String path, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(
                        URI.create(FhirClients.baseUrl(port) + (path.startsWith("?") ? "" : "/") + path))
                .header("Authorization", "Bearer " + token);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST a FHIR JSON body to {@code /fhir/<path>} with a Bearer token; headers (name, value, …) replace defaults. */
    public static HttpResponse<String> post(int port, String token, String path, String body, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body));
        return send(port, token, path, request, headers);
    }

    /** PUT a FHIR JSON body to {@code /fhir/<path>} with a Bearer token. */
    public static HttpResponse<String> put(int port, String token, String path, String body)
            throws IOException, InterruptedException {
        return send(port, token, path, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(
            int port, String token, String path, HttpRequest.Builder request, String... headers)
            throws IOException, InterruptedException {
        request.uri(URI.create(FhirClients.baseUrl(port) + "/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
