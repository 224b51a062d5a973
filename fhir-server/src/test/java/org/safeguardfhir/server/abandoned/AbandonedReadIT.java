package org.safeguardfhir.server.abandoned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A search whose client closes its connection stops in PostgreSQL within moments, not at the statement timeout, while
 * one whose client still waits runs on and is answered. The searches are held in PostgreSQL by a lock on the table
 * they read, so both are certainly running in the database when one client leaves.
 */
@FhirServerIntegrationTest
class AbandonedReadIT {

    /** Searches waiting for the lock on the table a name search reads; the pipeline's writes to it are not counted. */
    private static final String WAITING_SEARCHES = "SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'"
            + " AND query ILIKE 'select%hfj_spidx_string%'";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Value("${safeguard.limits.statement-timeout}")
    Duration statementTimeout;

    @Test
    void aSearchWhoseClientHasGoneIsCancelledInTheDatabaseWhileOneWhoseClientWaitsIsAnswered() throws Exception {
        String token = TestTokens.superuser();
        assertThat(statementTimeout)
                .as("the statement timeout, which alone would end the search")
                .isGreaterThan(Duration.ofSeconds(20));
        long cancelledAfterMillis;
        int waitingClientStatus;
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (var statement = locker.createStatement()) {
                statement.execute("LOCK TABLE hfj_spidx_string IN ACCESS EXCLUSIVE MODE");
            }
            try (Socket waiting = search(token, "waits-" + UUID.randomUUID());
                    Socket leaving = search(token, "leaves-" + UUID.randomUUID())) {
                await().atMost(Duration.ofSeconds(15)).until(() -> waitingSearches() == 2);

                long closed = System.nanoTime();
                leaving.close();
                await().atMost(Duration.ofSeconds(6))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> waitingSearches() == 1);
                cancelledAfterMillis = (System.nanoTime() - closed) / 1_000_000;

                // The other client has not gone: its search is left to run, however long it takes.
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> assertThat(waitingSearches())
                                .as("the search whose client waits")
                                .isEqualTo(1));

                locker.commit();
                waitingClientStatus = statusOf(waiting);
            }
        }

        assertThat(cancelledAfterMillis)
                .as("milliseconds from the client's close to the end of its search in PostgreSQL")
                .isLessThan(5_000);
        assertThat(waitingClientStatus).as("the waiting client's answer").isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> waitingSearches() == 0);
        assertThat(Http.get(port, token, "Patient?_count=1").statusCode())
                .as("the server after a cancelled search")
                .isEqualTo(200);
    }

    private long waitingSearches() {
        return jdbc.queryForObject(WAITING_SEARCHES, Long.class);
    }

    private Socket search(String token, String name) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        socket.setSoTimeout(30_000);
        String request = "GET /fhir/Patient?name=" + name + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Accept: application/fhir+json\r\n"
                + "Connection: close\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static int statusOf(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        var line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }
}
