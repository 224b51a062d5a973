package org.safeguardfhir.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each documentation check finds what is wrong in a small repository made for it, and passes what is right. */
class DocumentationCheckTest {

    @TempDir
    Path root;

    @Test
    void findsLinesOverTheLimitInCodeAndTablesToo() throws IOException {
        write("README.md", "short\n```\n" + "x".repeat(121) + "\n```\n| " + "é".repeat(119) + " |\n");

        assertThat(Documentation.of(root).longLines(120)).containsExactly("README.md:3 (121)", "README.md:5 (123)");
    }

    @Test
    void findsDocsPagesTheReadmeDoesNotLinkTo() throws IOException {
        write("README.md", "[linked](docs/linked.md#top) and [in code]: `[not a link](docs/unlinked.md)`\n");
        write("docs/linked.md", "# Top\n");
        write("docs/unlinked.md", "# Unlinked\n");
        write("docs/clinical-safety/plan.md", "# Plan\n");

        assertThat(Documentation.of(root).docsNotLinkedFromTheReadme())
                .containsExactlyInAnyOrder(Path.of("docs/unlinked.md"), Path.of("docs/clinical-safety/plan.md"));
    }

    @Test
    void findsLinksToMissingFilesAndHeadings() throws IOException {
        write(
                "README.md",
                """
                [ok](docs/a.md#the-a-page-2) [ok](#readme) [ok](https://example.org/missing)
                [gone](docs/gone.md) [no heading](docs/a.md#nowhere) [reference][ref] [a link whose
                text breaks](docs/broken.md)

                [ref]: docs/b.md
                ```bash
                # not a heading
                [not a link](nowhere.md)
                ```
                # Readme
                """);
        write("docs/a.md", "# The `a` page!\n## The a page\n# The a page\n[up](../README.md#not-a-heading)\n");

        assertThat(Documentation.of(root).brokenLinks())
                .containsExactlyInAnyOrder(
                        "README.md: docs/gone.md",
                        "README.md: docs/a.md#nowhere",
                        "README.md: docs/b.md",
                        "README.md: docs/broken.md",
                        "docs/a.md: ../README.md#not-a-heading");
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
