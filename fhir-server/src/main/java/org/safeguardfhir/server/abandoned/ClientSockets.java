package org.safeguardfhir.server.abandoned;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which TCP connections of this machine are still open in both directions, read from Linux's socket tables
 * ({@code /proc/net/tcp} and {@code /proc/net/tcp6}). A client that closes its end leaves the server's socket in
 * CLOSE_WAIT; one that resets it removes the socket: either way it is no longer ESTABLISHED.
 */
final class ClientSockets {

    private static final String ESTABLISHED = "01";
    private static final List<Path> LINUX_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private final List<Path> tables;

    ClientSockets(List<Path> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The tables of this machine, or null where there are none (not Linux). */
    static ClientSockets ofThisMachine() {
        return LINUX_TABLES.stream().anyMatch(Files::isReadable) ? new ClientSockets(LINUX_TABLES) : null;
    }

    /** The established connections, each as {@link #key}; addresses are left out (ports identify them well enough). */
    Set<Long> established() throws IOException {
        var open = new HashSet<Long>();
        for (Path table : tables) {
            if (!Files.isReadable(table)) {
                continue;
            }
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 3 && ESTABLISHED.equals(fields[3]) && fields[0].endsWith(":")) {
                    open.add(key(port(fields[1]), port(fields[2])));
                }
            }
        }
        return open;
    }

    static long key(int localPort, int remotePort) {
        return ((long) localPort << 16) | remotePort;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
