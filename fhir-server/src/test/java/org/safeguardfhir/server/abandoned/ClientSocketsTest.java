package org.safeguardfhir.server.abandoned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSocketsTest {

    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @TempDir
    Path dir;

    @Test
    void onlyConnectionsOpenInBothDirectionsCountAsEstablished() throws Exception {
        Path tcp = Files.writeString(
                dir.resolve("tcp"),
                HEADER
                        // listening on 8080
                        + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  0 0 1 1\n"
                        // 8080 <- 40000, established
                        + "   1: 0100007F:1F90 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  0 0 2 1\n"
                        // 8080 <- 40001, the client has closed its end (CLOSE_WAIT)
                        + "   2: 0100007F:1F90 0100007F:9C41 08 00000000:00000000 00:00000000 00000000  0 0 3 1\n");
        Path tcp6 = Files.writeString(
                dir.resolve("tcp6"),
                HEADER
                        // 8080 <- 40002 over IPv6 (an IPv4 client of a dual-stack socket), established
                        + "   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:9C42 01"
                        + " 00000000:00000000 00:00000000 00000000  0 0 4 1\n");

        var established = new ClientSockets(List.of(tcp, tcp6, dir.resolve("absent"))).established();

        assertThat(established)
                .containsExactlyInAnyOrder(ClientSockets.key(8080, 40000), ClientSockets.key(8080, 40002));
    }

    @Test
    void thisMachinesTablesShowTheTestsOwnConnection() throws Exception {
        try (var server = new java.net.ServerSocket(0);
                var client = new java.net.Socket("localhost", server.getLocalPort());
                var accepted = server.accept()) {
            var sockets = ClientSockets.ofThisMachine();
            assertThat(sockets).as("Linux's socket tables").isNotNull();
            long key = ClientSockets.key(accepted.getLocalPort(), accepted.getPort());

            assertThat(sockets.established()).contains(key);

            client.close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sockets.established())
                    .as("after the client closed")
                    .doesNotContain(key));
        }
    }
}
