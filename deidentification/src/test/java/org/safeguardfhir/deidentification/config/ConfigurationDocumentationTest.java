package org.safeguardfhir.deidentification.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationDocumentationTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"CONFIGURATION.md", "../docs/deidentification.md"})
    void everyCompleteExampleInTheDocumentationLoads(String document) throws IOException {
        // The reference, and the summary of it that docs/ gives the server's operators.
        List<String> examples = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(Files.readString(Path.of(document)));
        while (block.find()) {
            if (block.group(1).startsWith("version:")) {
                examples.add(block.group(1));
            }
        }

        assertThat(examples).isNotEmpty().allSatisfy(example -> assertThat(
                        DeidentificationConfig.load(new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)))
                                .rules())
                .isNotEmpty());
    }
}
