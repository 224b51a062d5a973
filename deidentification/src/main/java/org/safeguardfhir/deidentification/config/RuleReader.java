package org.safeguardfhir.deidentification.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and checks one entry of {@code rules}. */
final class RuleReader {

    private static final Set<String> COMMON = Set.of("resource", "path", "method");
    private static final Map<Method, Set<String>> OPTIONS = Map.of(
            Method.SUBSTITUTE, Set.of("value"),
            Method.GENERALIZE, Set.of("to", "bands", "cases", "otherwise"),
            Method.PERTURB, Set.of("span", "rangeType", "roundTo"));

    private final PathCompiler paths = new PathCompiler();

    Rule read(int index, JsonNode node) {
        String path = node != null && node.hasNonNull("path") ? node.get("path").asText() : null;
        String where = Rule.describe(index, path);
        if (node == null || !node.isObject()) {
            throw new DeidentificationConfigException(where + ": a rule must be a mapping of path, method and options");
        }
        if (path == null || path.isBlank()) {
            throw new DeidentificationConfigException(where + ": the rule needs a path");
        }
        Method method = method(where, node.get("method"));
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(OPTIONS.getOrDefault(method, Set.of()));
        Keys.requireKnown(where + " with method " + method.configName(), node, allowed);
        String resource = text(where, node, "resource");
        OptionsReader options = new OptionsReader(where, node, paths);
        MethodOptions methodOptions =
                switch (method) {
                    case SUBSTITUTE -> options.substitute();
                    case GENERALIZE -> options.generalize();
                    case PERTURB -> options.perturb();
                    default -> new MethodOptions.None();
                };
        CompiledPath compiled = paths.compile(where, path, resource);
        TypeCompatibility.check(where, method, methodOptions, compiled);
        return new Rule(index, path, compiled.resourceType(), method, methodOptions, compiled.selector());
    }

    private static Method method(String where, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new DeidentificationConfigException(where + ": the rule needs a method (" + methodNames() + ")");
        }
        return Method.byConfigName(node.asText())
                .orElseThrow(() -> new DeidentificationConfigException(
                        where + ": unknown method '" + node.asText() + "' (known: " + methodNames() + ")"));
    }

    private static String methodNames() {
        return Arrays.stream(Method.values()).map(Method::configName).collect(Collectors.joining(", "));
    }

    static String text(String where, JsonNode rule, String key) {
        JsonNode node = rule.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw new DeidentificationConfigException(where + ": '" + key + "' must be a single non-empty value");
        }
        return node.asText();
    }
}
