package org.safeguardfhir.server.abandoned;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * One running read and the database connections its thread holds. Cancelling and giving a connection back are
 * serialised, so a cancel never reaches a connection that another request has borrowed since.
 */
final class WatchedRequest {

    private final long started = System.nanoTime();
    private final long socket;
    private final List<Connection> connections = new ArrayList<>();
    private volatile boolean abandoned;

    WatchedRequest(int localPort, int remotePort) {
        this.socket = ClientSockets.key(localPort, remotePort);
    }

    long socket() {
        return socket;
    }

    long runningNanos() {
        return System.nanoTime() - started;
    }

    boolean abandoned() {
        return abandoned;
    }

    synchronized void borrowed(Connection connection) throws SQLException {
        if (abandoned) {
            connection.close();
            throw new SQLException(
                    "The client closed its connection; the request's database work is cancelled", "57014");
        }
        connections.add(connection);
    }

    /** Forgets a connection being given back; true when it was cancelled and so must not be used again. */
    synchronized boolean returned(Connection connection) {
        connections.remove(connection);
        return abandoned;
    }

    /** Marks the request abandoned and cancels the statement each of its connections is running; how many it held. */
    synchronized int cancel() {
        abandoned = true;
        for (Connection connection : connections) {
            try {
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                // The connection is broken or not PostgreSQL's: nothing runs on it that a cancel could stop.
            }
        }
        return connections.size();
    }
}
