package org.safeguardfhir.server.abandoned;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, seen through the reads it serves: a connection borrowed by a watched request's thread is recorded on the
 * request until it is given back, so that the request's statements can be cancelled. A cancelled connection is evicted
 * from the pool rather than given back, so a cancel that arrives late can never stop another request's statement.
 */
final class CancellingDataSource extends DelegatingDataSource {

    private final WatchedRequests requests;

    CancellingDataSource(DataSource pool, WatchedRequests requests) {
        super(pool);
        this.requests = requests;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watched(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watched(super.getConnection(username, password));
    }

    private Connection watched(Connection connection) throws SQLException {
        WatchedRequest request = requests.current();
        if (request == null) {
            return connection;
        }
        request.borrowed(connection);
        return (Connection) Proxy.newProxyInstance(
                CancellingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            giveBack(request, connection);
                            return null;
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {}
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(WatchedRequest request, Connection connection) throws SQLException {
        DataSource pool = getTargetDataSource();
        if (request.returned(connection) && pool != null && pool.isWrapperFor(HikariDataSource.class)) {
            pool.unwrap(HikariDataSource.class).evictConnection(connection);
        } else {
            connection.close();
        }
    }
}
