package org.safeguardfhir.server.deidentification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import org.safeguardfhir.server.database.OwnerOnlyFiles;

/**
 * Keys for the embedded default, where nobody has set the environment yet: a key the environment lacks is generated
 * once into {@code <data-dir>/deidentification-keys/<variable>} (readable by the server's user only) and read from
 * there after, so pseudonyms stay stable across restarts. Only used with the local token issuer, that is, never
 * where real users sign in.
 */
final class LocalDeidentificationKeys implements Function<String, String> {

    private final Function<String, String> environment;
    private final Path directory;

    LocalDeidentificationKeys(Function<String, String> environment, Path dataDir) {
        this.environment = environment;
        this.directory =
                dataDir.resolve("deidentification-keys").toAbsolutePath().normalize();
    }

    @Override
    public String apply(String variable) {
        String value = environment.apply(variable);
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (!variable.matches("[A-Za-z0-9_]+")) {
            return null;
        }
        Path file = directory.resolve(variable);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        OwnerOnlyFiles.writeOnce(file, Base64.getEncoder().encodeToString(key));
    }
}
