package org.safeguardfhir.deidentification.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the top level and the {@code parameters} of a configuration tree. */
final class ConfigReader {

    static final int SUPPORTED_VERSION = 1;

    private static final Set<String> TOP_LEVEL = Set.of("version", "name", "description", "parameters", "rules");
    private static final Set<String> PARAMETERS =
            Set.of("dateShiftKey", "dateShiftRangeDays", "cryptoHashKey", "encryptKey");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_DATE_SHIFT_RANGE_DAYS = 3650;
    private static final Map<Method, String> KEY_OF_METHOD = Map.of(
            Method.DATE_SHIFT, "dateShiftKey", Method.CRYPTO_HASH, "cryptoHashKey", Method.ENCRYPT, "encryptKey");

    private ConfigReader() {}

    static DeidentificationConfig read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new DeidentificationConfigException("the configuration must be a mapping with version and rules");
        }
        Keys.requireKnown("the configuration", root, TOP_LEVEL);
        int version = version(root.get("version"));
        String name = root.hasNonNull("name") ? root.get("name").asText() : null;
        Parameters parameters = parameters(root.get("parameters"));
        List<Rule> rules = rules(root.get("rules"));
        for (Rule rule : rules) {
            requireKey(rule, parameters);
        }
        return new DeidentificationConfig(version, name, parameters, rules);
    }

    private static int version(JsonNode version) {
        if (version == null || !version.canConvertToExactIntegral() || version.asInt() != SUPPORTED_VERSION) {
            throw new DeidentificationConfigException("unsupported configuration version "
                    + (version == null ? "(missing)" : version.toString()) + "; this engine reads version "
                    + SUPPORTED_VERSION);
        }
        return version.asInt();
    }

    private static Parameters parameters(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Parameters(null, Parameters.DEFAULT_DATE_SHIFT_RANGE_DAYS, null, null);
        }
        Keys.requireKnown("parameters", node, PARAMETERS);
        return new Parameters(
                key(node, "dateShiftKey"),
                rangeDays(node.get("dateShiftRangeDays")),
                key(node, "cryptoHashKey"),
                key(node, "encryptKey"));
    }

    private static EnvironmentKey key(JsonNode parameters, String name) {
        JsonNode node = parameters.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()
                || node.size() != 1
                || !node.has("env")
                || !node.get("env").isTextual()) {
            throw new DeidentificationConfigException("parameters." + name
                    + " must name an environment variable, as {env: VARIABLE_NAME}; key material never goes in"
                    + " the configuration");
        }
        String variable = node.get("env").asText();
        if (!VARIABLE.matcher(variable).matches()) {
            throw new DeidentificationConfigException(
                    "parameters." + name + ": '" + variable + "' is not an environment variable name");
        }
        return new EnvironmentKey(variable);
    }

    private static int rangeDays(JsonNode node) {
        if (node == null || node.isNull()) {
            return Parameters.DEFAULT_DATE_SHIFT_RANGE_DAYS;
        }
        if (!node.canConvertToExactIntegral() || node.asInt() < 1 || node.asInt() > MAX_DATE_SHIFT_RANGE_DAYS) {
            throw new DeidentificationConfigException("parameters.dateShiftRangeDays must be a whole number of days"
                    + " from 1 to " + MAX_DATE_SHIFT_RANGE_DAYS + ", not " + node);
        }
        return node.asInt();
    }

    private static List<Rule> rules(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new DeidentificationConfigException("the configuration needs a list of rules");
        }
        RuleReader reader = new RuleReader();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            rules.add(reader.read(i, node.get(i)));
        }
        return List.copyOf(rules);
    }

    private static void requireKey(Rule rule, Parameters parameters) {
        String key = KEY_OF_METHOD.get(rule.method());
        if (key == null) {
            return;
        }
        EnvironmentKey configured =
                switch (rule.method()) {
                    case DATE_SHIFT -> parameters.dateShiftKey();
                    case CRYPTO_HASH -> parameters.cryptoHashKey();
                    default -> parameters.encryptKey();
                };
        if (configured == null) {
            throw new DeidentificationConfigException(rule.describe() + ": "
                    + rule.method().configName() + " needs parameters." + key + " ({env: VARIABLE_NAME})");
        }
    }
}
