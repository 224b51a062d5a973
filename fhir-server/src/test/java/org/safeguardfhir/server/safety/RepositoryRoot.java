package org.safeguardfhir.server.safety;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root: the nearest directory at or above the working directory that holds the Maven wrapper. */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path find() {
        // Maven runs a module's tests in the module's directory; an IDE may run them from the root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no directory at or above " + Path.of("").toAbsolutePath() + " holds mvnw");
    }
}
