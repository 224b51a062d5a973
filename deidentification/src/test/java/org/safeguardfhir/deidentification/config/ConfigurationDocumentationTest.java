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
import org.junit.jupiter.api.Test;

class ConfigurationDocumentationTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCompleteExampleInTheDocumentationLoads() throws IOException {
        // The reference, and the README's summary of it.
        String documentation =
                Files.readString(Path.of("CONFIGURATION.md")) + Files.readString(Path.of("../README.md"));
        List<String> examples = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(documentation);
        while (block.find()) {
            if (block.group(1).startsWith("version:")) {
                examples.add(block.group(1));
            }
        }

        assertThat(examples).hasSizeGreaterThan(1).allSatisfy(example -> assertThat(
                        DeidentificationConfig.load(new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)))
                                .rules())
                .isNotEmpty());
    }
}
