package org.safeguardfhir.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine to run compose.yaml in CI, so this test reads it: every variable it gives the server must
 * bind, by Spring Boot's own environment-variable rules, to a property the application reads, and must be listed in
 * docs/configuration.md, where an operator looks for it.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyVariableTheServerIsGivenBindsToAPropertyTheApplicationReads() throws IOException {
        Map<String, Object> environment = serverEnvironment();
        Set<String> known = knownProperties();

        Set<String> bound = new HashSet<>();
        for (var variable : environment.entrySet()) {
            var source = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                            "compose", Map.of(variable.getKey(), variable.getValue())))
                    .iterator()
                    .next();
            boolean read = known.stream()
                    .anyMatch(property ->
                            source.getConfigurationProperty(ConfigurationPropertyName.adapt(property, '.')) != null);
            if (read) {
                bound.add(variable.getKey());
            }
        }

        assertThat(environment.keySet()).isNotEmpty();
        assertThat(bound).as("variables that bind to a known property").containsAll(environment.keySet());
    }

    @Test
    void everyVariableTheServerIsGivenIsDocumented() throws IOException {
        String configuration = Files.readString(ROOT.resolve("docs/configuration.md"));

        assertThat(serverEnvironment().keySet())
                .allSatisfy(variable -> assertThat(configuration).contains("`" + variable + "`"));
    }

    @Test
    void theServerWaitsForAHealthyDatabase() throws IOException {
        Map<String, Object> services = services();
        @SuppressWarnings("unchecked")
        var dependsOn = (Map<String, Map<String, String>>)
                ((Map<String, Object>) services.get("fhir-server")).get("depends_on");
        @SuppressWarnings("unchecked")
        var postgres = (Map<String, Object>) services.get("postgres");

        assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        assertThat(postgres).containsKey("healthcheck");
        assertThat((String) postgres.get("image")).startsWith("postgres:16");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serverEnvironment() throws IOException {
        var server = (Map<String, Object>) services().get("fhir-server");
        return new LinkedHashMap<>((Map<String, Object>) server.get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Object>) compose.get("services");
        }
    }

    /** Keys of our application.yaml plus every property described by Spring configuration metadata on the classpath. */
    private static Set<String> knownProperties() throws IOException {
        Set<String> known = new HashSet<>();
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/application.yaml")) {
            flatten("", new Yaml().load(in), known);
        }
        var mapper = new ObjectMapper();
        for (URL metadata : Collections.list(
                ComposeFileTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                JsonNode properties = mapper.readTree(in).path("properties");
                properties.forEach(p -> known.add(p.path("name").asText()));
            }
        }
        return known;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else {
            into.add(prefix);
        }
    }
}
