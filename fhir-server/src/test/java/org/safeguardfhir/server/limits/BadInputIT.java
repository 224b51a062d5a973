package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad and oversized requests are refused with a 4xx OperationOutcome that names what is wrong, store nothing, and
 * never echo a client's Host into links; Tomcat's own refusals are OperationOutcomes too.
 */
@FhirServerIntegrationTest
class BadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    String token;
    long resourcesBefore;

    @BeforeEach
    void setUp() {
        token = TestTokens.superuser();
        resourcesBefore = patients();
    }

    @Test
    void anUnknownElementIsRefusedByTheStrictParserNamingIt() throws Exception {
        var answer = Http.post(port, token, "Patient", "{\"resourceType\":\"Patient\",\"nickname\":\"x\"}");

        assertRefused(answer, 400, "nickname");
    }

    @Test
    void aWrongJsonTypeOrAnInvalidDateIsRefused() throws Exception {
        assertRefused(
                Http.post(port, token, "Patient", "{\"resourceType\":\"Patient\",\"active\":\"yes\"}"), 400, null);
        assertRefused(
                Http.post(port, token, "Patient", "{\"resourceType\":\"Patient\",\"birthDate\":\" 1990-01-01\"}"),
                400,
                null);
    }

    @Test
    void aNulOrAnUnpairedSurrogateNeverReachesTheDatabase() throws Exception {
        assertRefused(
                Http.post(
                        port, token, "Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"a\\u0000b\"}]}"),
                400,
                "NUL");
        assertRefused(
                Http.post(port, token, "Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"\\ud800\"}]}"),
                400,
                "surrogate");
        assertRefused(Http.get(port, token, "Patient?family=a%00b"), 400, "NUL");
        try (var socket = new Socket("127.0.0.1", port)) {
            // java.net.URI refuses to send this, so it goes as raw HTTP.
            String raw = send(
                    socket,
                    "GET /fhir/Patient?family=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                            + "\r\nConnection: close\r\n\r\n");
            assertThat(raw).startsWith("HTTP/1.1 400").contains("OperationOutcome", "percent-encoding");
        }
    }

    @Test
    void malformedPreconditionsDuplicateKeysAndBrokenTransactionEntriesAre400() throws Exception {
        assertRefused(Http.get(port, token, "Patient/1", "If-None-Match", "\"not-a-version"), 400, "If-None-Match");
        assertRefused(
                Http.post(port, token, "Patient", "{\"resourceType\":\"Patient\"}", "If-None-Match", "*"),
                400,
                "If-None-Match");
        assertRefused(
                Http.post(
                        port,
                        token,
                        "Patient",
                        "{\"resourceType\":\"Patient\"}",
                        "Content-Type",
                        "application/fhir+json; charset=ISO-8859-1"),
                415,
                "UTF-8");
        // RFC 9110: an If-Modified-Since that is no date is ignored, and the read answers (here: not found).
        assertThat(Http.get(port, token, "Patient/never-stored", "If-Modified-Since", "yesterday")
                        .statusCode())
                .isEqualTo(404);
        assertRefused(
                Http.post(port, token, "Patient", "{\"resourceType\":\"Patient\",\"active\":true,\"active\":false}"),
                400,
                "duplicate key");
        assertRefused(
                Http.post(
                        port,
                        token,
                        "",
                        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                                + "{\"resourceType\":\"Patient\"}}]}"),
                400,
                "Bundle.entry[0].request");
    }

    @Test
    void aBodyOverTheSizeLimitIs413() throws Exception {
        String huge = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}]}";

        assertRefused(Http.post(port, token, "Patient", huge), 413, "safeguard.limits.max-request-size");
    }

    @Test
    void aResourceBreakingAShapeLimitIs413NamingTheElementAndTheLimit() throws Exception {
        var given = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            given.append(i == 0 ? "" : ",").append("\"g").append(i).append('"');
        }
        var answer = Http.post(
                port, token, "Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[" + given + "]}]}");

        assertRefused(answer, 413, "Patient.name.given");
        assertThat(answer.body()).contains("safeguard.limits.max-repeats");
    }

    @Test
    void searchesThatAskTooMuchAre400NamingTheLimit() throws Exception {
        assertRefused(
                Http.get(port, token, "Patient?_sort=family,given,birthdate,gender,address,telecom"),
                400,
                "safeguard.limits.max-sort-keys");
        assertRefused(Http.get(port, token, "Patient?_offset=-1"), 400, "_offset");
        assertRefused(Http.get(port, token, "Patient?_count=ten"), 400, "_count");
        var many = new StringBuilder("Patient?");
        for (int i = 0; i < 40; i++) {
            many.append(i == 0 ? "" : "&").append("family=f").append(i);
        }
        assertRefused(Http.get(port, token, many.toString()), 400, "safeguard.limits.max-search-parameters");
    }

    @Test
    void aForgedHostHeaderIsNeverEchoedIntoLinks() throws Exception {
        var client = HttpClient.newBuilder().build();
        var answer = client.send(
                HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/Patient?_count=1"))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-Host", "evil.example")
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("evil.example").contains(FhirClients.advertisedBaseUrl(port));
        try (var socket = new Socket("127.0.0.1", port)) {
            String raw = send(
                    socket,
                    "GET /fhir/Patient?_count=1 HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " + token
                            + "\r\nConnection: close\r\n\r\n");
            assertThat(raw).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
        }
    }

    @Test
    void tomcatsOwnRefusalOfAMalformedRequestIsAnOperationOutcome() throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            String raw = send(socket, "GET /fhir/Patient?a=b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(raw).startsWith("HTTP/1.1 400").contains("\"resourceType\":\"OperationOutcome\"");
            assertThat(raw).doesNotContain("<html", "Apache Tomcat");
        }
    }

    @Test
    void traceIsRefusedOnEveryPathWithoutEchoingTheRequest() throws Exception {
        for (String path : new String[] {"/fhir/Patient", "/error", "/actuator/health"}) {
            try (var socket = new Socket("127.0.0.1", port)) {
                String raw = send(
                        socket,
                        "TRACE " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                                + "\r\nConnection: close\r\n\r\n");

                assertThat(raw).as(path).startsWith("HTTP/1.1 405").contains("\"resourceType\":\"OperationOutcome\"");
                assertThat(raw).as(path).doesNotContain(token);
            }
        }
    }

    @Test
    void aHostWhosePortIsOutOfRangeIs400() throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            String raw =
                    send(socket, "GET /fhir/metadata HTTP/1.1\r\nHost: localhost:99999\r\nConnection: close\r\n\r\n");

            assertThat(raw).startsWith("HTTP/1.1 400").contains("Host");
        }
    }

    private static String send(Socket socket, String request) throws IOException {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void eachRefusalNamesTheElementParameterOrHeaderInTheOperationOutcome() throws Exception {
        var wrongType = Http.post(port, token, "Patient", "{\"resourceType\":\"Patient\",\"active\":\"true\"}");
        var twice = Http.get(port, token, "Patient?_count=1&_count=2");
        var header = Http.get(port, token, "Patient/1", "If-None-Match", "\"not-a-version");
        var entry = Http.post(
                port,
                token,
                "",
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                        + "{\"resourceType\":\"Patient\"}}]}");

        assertRefused(wrongType, 400, "Patient.active");
        assertThat(issueOf(wrongType).getExpression().get(0).getValue()).isEqualTo("Patient.active");
        assertRefused(twice, 400, "_count");
        assertThat(issueOf(twice).getLocation().get(0).getValue()).isEqualTo("http._count");
        assertRefused(header, 400, "If-None-Match");
        assertThat(issueOf(header).getLocation().get(0).getValue()).isEqualTo("http.If-None-Match");
        assertRefused(entry, 400, "Bundle.entry[0].request.method");
        assertThat(issueOf(entry).getExpression().get(0).getValue()).isEqualTo("Bundle.entry[0].request.method");
    }

    private static org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent issueOf(
            HttpResponse<String> answer) {
        return FhirClients.context()
                .newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.OperationOutcome.class, answer.body())
                .getIssueFirstRep();
    }

    private void assertRefused(HttpResponse<String> answer, int status, String named) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(answer.body())
                .contains("\"resourceType\":\"OperationOutcome\"", "reference ")
                .doesNotContain("Exception", "java.", "at org.", "PSQL", "ERROR: ");
        if (named != null) {
            assertThat(answer.body()).contains(named);
        }
        assertThat(patients()).as("nothing stored").isEqualTo(resourcesBefore);
    }

    private long patients() {
        return jdbc.queryForObject("SELECT count(*) FROM hfj_resource WHERE res_type = 'Patient'", Long.class);
    }
}
