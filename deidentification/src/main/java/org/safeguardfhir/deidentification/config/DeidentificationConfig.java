package org.safeguardfhir.deidentification.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, fully checked de-identification configuration. The file is YAML or JSON (JSON is read as YAML, which
 * contains it), with one schema:
 *
 * <pre>
 * version: 1
 * name: dashboard
 * parameters:
 *   dateShiftKey: {env: SAFEGUARD_DEID_DATE_SHIFT_KEY}
 *   dateShiftRangeDays: 50
 *   cryptoHashKey: {env: SAFEGUARD_DEID_HASH_KEY}
 *   encryptKey: {env: SAFEGUARD_DEID_ENCRYPT_KEY}
 * rules:
 *   - {path: Task.status, method: keep}
 *   - {path: Task.for, method: cryptoHash}
 * </pre>
 *
 * Loading parses and type-checks every rule path against the FHIR R4 model and checks every option; anything wrong
 * raises a {@link DeidentificationConfigException} naming the rule. Keys are not read here but when a
 * {@code Deidentifier} is built, from the environment.
 *
 * @param rules in configuration order, which is the order of precedence
 */
public record DeidentificationConfig(int version, String name, Parameters parameters, List<Rule> rules) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public DeidentificationConfig {
        rules = List.copyOf(rules);
    }

    public static DeidentificationConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read de-identification configuration " + file, e);
        }
    }

    public static DeidentificationConfig load(InputStream in) {
        JsonNode tree;
        try {
            tree = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DeidentificationConfigException(
                    "the configuration is not valid YAML or JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read de-identification configuration", e);
        }
        return ConfigReader.read(tree);
    }
}
