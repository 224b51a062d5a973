package org.safeguardfhir.server.database;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the server keeps files of its own.
 *
 * @param dataDir root of the server's files; the embedded PostgreSQL keeps its cluster in {@code <dataDir>/postgres}
 */
@Validated
@ConfigurationProperties("safeguard")
public record DataDirectoryProperties(@NotNull Path dataDir) {

    public Path embeddedPostgresDirectory() {
        return dataDir.resolve("postgres").toAbsolutePath().normalize();
    }
}
