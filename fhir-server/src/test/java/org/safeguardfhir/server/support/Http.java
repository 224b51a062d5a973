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
}
