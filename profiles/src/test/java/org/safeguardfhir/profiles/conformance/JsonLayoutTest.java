package org.safeguardfhir.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Artefacts, examples and fixtures are pretty-printed the same way, so that diffs stay small. */
class JsonLayoutTest {

    static Stream<Named<Path>> jsonFiles() {
        return Stream.of(ConformanceArtefacts.PROFILES, ConformanceArtefacts.EXAMPLES, ConformanceArtefacts.INVALID)
                .flatMap(directory -> ConformanceArtefacts.named(ConformanceArtefacts.jsonFiles(directory)));
    }

    @ParameterizedTest
    @MethodSource("jsonFiles")
    void isIndentedWithFourSpacesAndEndsWithANewline(Path file) {
        String json = ConformanceArtefacts.read(file);

        assertThat(json).endsWith("}\n").doesNotContain("\t", "\r");
        assertThat(json.lines()).allSatisfy(line -> assertThat(indentation(line) % 4)
                .as("indentation of: %s", line)
                .isZero());
    }

    private static int indentation(String line) {
        return line.length() - line.stripLeading().length();
    }
}
