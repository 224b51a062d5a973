package org.safeguardfhir.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README is a newcomer's first ten minutes and docs/ holds the depth, so every page must be reachable from the
 * README and every relative link must lead somewhere; lines stay short enough to read and review side by side.
 * DocumentationCheckTest proves that each check can fail.
 */
class DocumentationTest {

    static final int MAX_LINE_LENGTH = 120;

    static Documentation documentation;

    @BeforeAll
    static void read() throws IOException {
        documentation = Documentation.of(ComposeFileTest.ROOT);
    }

    @Test
    void readsTheReadmeAndTheDocsPages() {
        assertThat(documentation.files())
                .contains(Path.of("README.md"), Path.of("docs", "pipeline.md"))
                .anyMatch(file -> file.startsWith(Path.of("docs", "clinical-safety")));
    }

    @Test
    void noMarkdownLineIsLongerThan120Characters() {
        assertThat(documentation.longLines(MAX_LINE_LENGTH)).isEmpty();
    }

    @Test
    void theReadmeLinksEveryPageOfTheDocs() {
        assertThat(documentation.docsNotLinkedFromTheReadme()).isEmpty();
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingThatExist() {
        assertThat(documentation.brokenLinks()).isEmpty();
    }

    @Test
    void theReadmeGivesTheCommandThatCiRuns() throws IOException {
        assertThat(Files.readAllLines(ComposeFileTest.ROOT.resolve(".ci/run"))).contains("./mvnw -B verify");
        assertThat(Files.readString(ComposeFileTest.ROOT.resolve("README.md"))).contains("./mvnw -B verify\n");
    }
}
