package org.safeguardfhir.deidentification;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A de-identification configuration, read from YAML (or JSON, which is YAML too) and checked as it is read: a
 * configuration that loads is one the engine can apply. Keys are named by environment variable, never written in it.
 *
 * @param dateShiftKeyEnv environment variable holding the date-shift key, or null
 * @param cryptoHashKeyEnv environment variable holding the pseudonym key, or null
 * @param encryptKeyEnv environment variable holding the AES key, or null
 */
public record DeidentificationConfig(
        int version,
        String name,
        String dateShiftKeyEnv,
        int dateShiftRangeDays,
        String cryptoHashKeyEnv,
        String encryptKeyEnv,
        List<Rule> rules) {

    public static final int FORMAT_VERSION = 1;
    static final List<Integer> DEFAULT_BANDS = List.of(0, 16, 18, 25, 35, 45, 55, 65);
    static final Set<String> GENERALIZATIONS = Set.of("ageBand", "year", "month", "postcodeDistrict");

    private static final Set<String> TOP_LEVEL = Set.of("version", "name", "parameters", "rules");
    private static final Set<String> PARAMETERS =
            Set.of("dateShiftKey", "dateShiftRangeDays", "cryptoHashKey", "encryptKey");
    private static final Map<Method, Set<String>> OPTIONS = Map.of(
            Method.KEEP, Set.of(),
            Method.REDACT, Set.of(),
            Method.DATE_SHIFT, Set.of(),
            Method.CRYPTO_HASH, Set.of(),
            Method.ENCRYPT, Set.of(),
            Method.SUBSTITUTE, Set.of("value"),
            Method.GENERALIZE, Set.of("to", "bands"),
            Method.PERTURB, Set.of("span", "rangeType", "roundTo"));
    private static final Set<String> RULE_FIELDS = Set.of("resource", "path", "method");

    public static DeidentificationConfig load(Path file, FhirContext fhirContext) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, fhirContext);
        } catch (IOException e) {
            throw new DeidentificationConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static DeidentificationConfig load(InputStream in, FhirContext fhirContext) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new DeidentificationConfigException("Not valid YAML or JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DeidentificationConfigException("The configuration must be a mapping");
        }
        unknownKeys(root, TOP_LEVEL, "the configuration");
        if (!root.path("version").isInt() || root.get("version").asInt() != FORMAT_VERSION) {
            throw new DeidentificationConfigException("Unsupported format version " + root.path("version")
                    + ": this engine reads version " + FORMAT_VERSION);
        }
        String name = text(root, "name", "the configuration");
        JsonNode parameters = root.path("parameters");
        if (!parameters.isMissingNode()) {
            unknownKeys(parameters, PARAMETERS, "parameters");
        }
        int range = parameters.path("dateShiftRangeDays").asInt(50);
        if (range < 1) {
            throw new DeidentificationConfigException("parameters.dateShiftRangeDays must be at least 1");
        }
        var rules = new ArrayList<Rule>();
        JsonNode list = root.path("rules");
        if (!list.isArray() || list.isEmpty()) {
            throw new DeidentificationConfigException("rules must be a non-empty list");
        }
        var parser = new RuleParser(fhirContext);
        for (int i = 0; i < list.size(); i++) {
            rules.add(parser.parse(i, list.get(i)));
        }
        return new DeidentificationConfig(
                FORMAT_VERSION,
                name,
                key(parameters, "dateShiftKey"),
                range,
                key(parameters, "cryptoHashKey"),
                key(parameters, "encryptKey"),
                List.copyOf(rules));
    }

    /** A key parameter names an environment variable: {@code {env: NAME}}. Literal key material is refused. */
    private static String key(JsonNode parameters, String field) {
        JsonNode node = parameters.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.size() != 1 || !node.path("env").isTextual()) {
            throw new DeidentificationConfigException("parameters." + field
                    + " must name an environment variable ({env: NAME}); keys are never written in the configuration");
        }
        return node.get("env").asText();
    }

    static void unknownKeys(JsonNode node, Set<String> allowed, String where) {
        var unknown = new HashSet<String>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!allowed.contains(field)) {
                unknown.add(field);
            }
        }
        if (!unknown.isEmpty()) {
            throw new DeidentificationConfigException(where + ": unknown " + unknown + "; allowed " + allowed);
        }
    }

    static String text(JsonNode node, String field, String where) {
        if (!node.path(field).isTextual() || node.get(field).asText().isBlank()) {
            throw new DeidentificationConfigException(where + ": " + field + " is required");
        }
        return node.get(field).asText();
    }

    /** Turns one rule's mapping into a {@link Rule}, or says what is wrong with it. */
    private record RuleParser(FhirContext fhirContext) {

        Rule parse(int index, JsonNode node) {
            String where = "rule " + (index + 1);
            if (!node.isObject()) {
                throw new DeidentificationConfigException(where + " must be a mapping");
            }
            String path = text(node, "path", where);
            where = where + " (" + path + ")";
            String methodCode = text(node, "method", where);
            String rule = where;
            Method method = Method.fromCode(methodCode)
                    .orElseThrow(() -> new DeidentificationConfigException(rule + ": unknown method " + methodCode
                            + "; use keep, redact, dateShift, cryptoHash, encrypt, substitute, generalize or perturb"));
            var allowed = new HashSet<>(RULE_FIELDS);
            allowed.addAll(OPTIONS.get(method));
            unknownKeys(node, allowed, where);
            String type = resourceType(node, path, where);
            try {
                fhirContext.newFhirPath().parse(path);
            } catch (Exception e) {
                throw new DeidentificationConfigException(
                        where + ": the path is not valid FHIRPath: " + e.getMessage());
            }
            String to = null;
            List<Integer> bands = List.of();
            if (method == Method.GENERALIZE) {
                to = text(node, "to", where);
                if (!GENERALIZATIONS.contains(to)) {
                    throw new DeidentificationConfigException(
                            where + ": generalize to " + to + " is not one of " + GENERALIZATIONS);
                }
                bands = bands(node, where);
            }
            String value = method == Method.SUBSTITUTE ? text(node, "value", where) : null;
            double span = 0;
            boolean proportional = false;
            int roundTo = 0;
            if (method == Method.PERTURB) {
                if (!node.path("span").isNumber() || node.get("span").asDouble() <= 0) {
                    throw new DeidentificationConfigException(where + ": perturb needs a positive span");
                }
                span = node.get("span").asDouble();
                String rangeType = node.path("rangeType").asText("fixed");
                if (!Set.of("fixed", "proportional").contains(rangeType)) {
                    throw new DeidentificationConfigException(
                            where + ": rangeType must be fixed or proportional, not " + rangeType);
                }
                proportional = rangeType.equals("proportional");
                roundTo = node.path("roundTo").asInt(0);
                if (roundTo < 0) {
                    throw new DeidentificationConfigException(where + ": roundTo cannot be negative");
                }
            }
            return new Rule(index, type, path, method, to, bands, value, span, proportional, roundTo);
        }

        /** The resource type: given, or the path's first name. */
        private String resourceType(JsonNode node, String path, String where) {
            String first = path.split("[.(\\[ ]", 2)[0];
            String type =
                    node.path("resource").isTextual() ? node.get("resource").asText() : first;
            if (!fhirContext.getResourceTypes().contains(type)) {
                throw new DeidentificationConfigException(
                        where + ": unknown resource type " + type + " (start the path with it, or give resource)");
            }
            return type;
        }

        private static List<Integer> bands(JsonNode node, String where) {
            if (!node.has("bands")) {
                return DEFAULT_BANDS;
            }
            var bands = new ArrayList<Integer>();
            node.get("bands").forEach(b -> bands.add(b.asInt()));
            for (int i = 1; i < bands.size(); i++) {
                if (bands.get(i) <= bands.get(i - 1)) {
                    throw new DeidentificationConfigException(where + ": bands must be ascending: " + bands);
                }
            }
            if (bands.isEmpty() || bands.get(0) != 0) {
                throw new DeidentificationConfigException(where + ": bands must start at 0: " + bands);
            }
            return List.copyOf(bands);
        }
    }
}
