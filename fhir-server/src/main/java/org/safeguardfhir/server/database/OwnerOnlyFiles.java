package org.safeguardfhir.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets the server keeps in its data directory: written once, readable by the server's user only. */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    /**
     * Writes {@code content} to {@code file} unless it exists. Two processes starting together end up with one
     * content: each writes a draft and moves it into place, and the first move wins.
     */
    public static void writeOnce(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path draft = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            ownerOnly(draft);
            Files.writeString(draft, content, StandardCharsets.US_ASCII);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.exists(file)) {
                Files.move(draft, file);
            }
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data directory's own permissions protect the file.
        }
    }
}
