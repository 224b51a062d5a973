package org.safeguardfhir.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.TestTokens;
import org.safeguardfhir.testfixtures.PostgresTestDatabase;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class HealthAndMetricsIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsLiveAndReady() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsOfRequestsAndThePool() throws Exception {
        get("/fhir/metadata");

        var metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");
    }

    @Test
    void isNotReadyWhileTheDatabaseRefusesConnectionsButStaysLive() throws Exception {
        var database = PostgresTestDatabase.shared();
        String name = database.url().replaceAll(".*/([^/?]+).*", "$1");
        try (var admin = DriverManager.getConnection(
                        database.url().replace("/" + name, "/postgres"), database.username(), database.password());
                var sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                                get("/actuator/health/readiness").statusCode())
                        .isEqualTo(503));
                assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            } finally {
                sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        get("/actuator/health/readiness").statusCode())
                .isEqualTo(200));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + TestTokens.forRoles(Role.ADMIN))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
