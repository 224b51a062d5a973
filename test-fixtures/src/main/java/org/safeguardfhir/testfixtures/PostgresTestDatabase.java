package org.safeguardfhir.testfixtures;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL that integration tests run against, chosen once per JVM in this order: a Testcontainers
 * PostgreSQL where a Docker engine exists; else a fresh database on the server named by
 * {@code SAFEGUARD_TEST_DATABASE_URL}; else the embedded PostgreSQL engine that the server uses by default. The choice
 * is logged; there is no path on which database tests are skipped.
 */
public final class PostgresTestDatabase {

    public static final String URL_VARIABLE = "SAFEGUARD_TEST_DATABASE_URL";
    private static final Logger log = LoggerFactory.getLogger(PostgresTestDatabase.class);
    private static Connection shared;

    /** How to reach the database, and which of the three sources it came from. */
    public record Connection(String url, String username, String password, String source) {}

    private PostgresTestDatabase() {}

    public static synchronized Connection shared() {
        if (shared == null) {
            shared = start();
            log.info("Integration tests use PostgreSQL from {}: {}", shared.source(), shared.url());
        }
        return shared;
    }

    /** Another empty database on the same server as {@link #shared()}, for a server that must start from nothing. */
    public static Connection fresh() {
        var server = shared();
        return freshDatabaseOn(
                withDatabase(server.url(), "postgres"), server.username(), server.password(), server.source());
    }

    private static Connection start() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return testcontainer();
        }
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return freshDatabaseOn(
                    url,
                    System.getenv().getOrDefault("SAFEGUARD_TEST_DATABASE_USERNAME", "postgres"),
                    System.getenv().getOrDefault("SAFEGUARD_TEST_DATABASE_PASSWORD", ""),
                    URL_VARIABLE);
        }
        return embedded();
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static Connection testcontainer() {
        var container = new PostgreSQLContainer<>("postgres:16-alpine");
        container.start();
        return new Connection(
                container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
    }

    private static Connection embedded() {
        try {
            var directory = Files.createTempDirectory("safeguard-it-postgres");
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return freshDatabaseOn(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    /** Creates a database of its own for this run, so runs never see each other's data. */
    static Connection freshDatabaseOn(String serverUrl, String username, String password, String source) {
        String database =
                "safeguard_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(serverUrl, username, password);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + serverUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(serverUrl, username, password, database)));
        return new Connection(withDatabase(serverUrl, database), username, password, source);
    }

    /** Replaces the database name of a PostgreSQL JDBC URL, keeping its parameters. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String parameters = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + parameters;
    }

    private static void dropQuietly(String serverUrl, String username, String password, String database) {
        try (var connection = DriverManager.getConnection(serverUrl, username, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            log.warn("Could not drop test database {}: {}", database, e.getMessage());
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }
}
