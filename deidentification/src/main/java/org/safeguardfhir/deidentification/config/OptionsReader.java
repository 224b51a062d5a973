package org.safeguardfhir.deidentification.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the method-specific options of one rule. */
final class OptionsReader {

    private static final int MAX_ROUND_TO = 18;

    private final String where;
    private final JsonNode rule;
    private final PathCompiler paths;

    OptionsReader(String where, JsonNode rule, PathCompiler paths) {
        this.where = where;
        this.rule = rule;
        this.paths = paths;
    }

    MethodOptions.Substitute substitute() {
        String value = RuleReader.text(where, rule, "value");
        if (value == null) {
            throw missing("substitute", "value");
        }
        return new MethodOptions.Substitute(value);
    }

    MethodOptions.Generalize generalize() {
        String to = RuleReader.text(where, rule, "to");
        if (to == null && rule.has("cases")) {
            to = Generalization.CASES.configName();
        }
        if (to == null) {
            throw missing("generalize", "to");
        }
        String name = to;
        Generalization generalization = Generalization.byConfigName(to)
                .orElseThrow(() -> new DeidentificationConfigException(where + ": unknown generalize to '" + name
                        + "' (known: ageBand, year, month, postcodeDistrict, cases)"));
        requireOnlyWith(generalization == Generalization.AGE_BAND, "bands", "to: ageBand");
        requireOnlyWith(generalization == Generalization.CASES, "cases", "to: cases");
        requireOnlyWith(generalization == Generalization.CASES, "otherwise", "to: cases");
        return switch (generalization) {
            case AGE_BAND -> new MethodOptions.Generalize(generalization, bands(), List.of(), false);
            case CASES -> new MethodOptions.Generalize(generalization, List.of(), cases(), otherwiseKeep());
            default -> new MethodOptions.Generalize(generalization, List.of(), List.of(), false);
        };
    }

    MethodOptions.Perturb perturb() {
        JsonNode span = rule.get("span");
        if (span == null || !span.isNumber() || span.decimalValue().signum() < 0) {
            throw span == null ? missing("perturb", "span") : invalid("span", "a number of at least 0");
        }
        String rangeType = RuleReader.text(where, rule, "rangeType");
        if (rangeType != null && !Set.of("fixed", "proportional").contains(rangeType)) {
            throw invalid("rangeType", "fixed or proportional");
        }
        JsonNode roundTo = rule.get("roundTo");
        Integer places = null;
        if (roundTo != null && !roundTo.isNull()) {
            if (!roundTo.canConvertToExactIntegral() || roundTo.asInt() < 0 || roundTo.asInt() > MAX_ROUND_TO) {
                throw invalid("roundTo", "a whole number of decimal places from 0 to " + MAX_ROUND_TO);
            }
            places = roundTo.asInt();
        }
        BigDecimal bound = span.decimalValue();
        return new MethodOptions.Perturb(bound, "proportional".equals(rangeType), places);
    }

    private List<Integer> bands() {
        JsonNode bands = rule.get("bands");
        if (bands == null || !bands.isArray() || bands.isEmpty()) {
            throw missing("generalize to ageBand", "bands (ascending lower bounds in years, e.g. [0, 18, 65])");
        }
        List<Integer> lowerBounds = new ArrayList<>();
        for (JsonNode band : bands) {
            if (!band.canConvertToExactIntegral() || band.asInt() < 0) {
                throw invalid("bands", "whole numbers of years, 0 or more");
            }
            if (!lowerBounds.isEmpty() && band.asInt() <= lowerBounds.get(lowerBounds.size() - 1)) {
                throw invalid(
                        "bands",
                        "strictly ascending, but " + band.asInt() + " follows "
                                + lowerBounds.get(lowerBounds.size() - 1));
            }
            lowerBounds.add(band.asInt());
        }
        return List.copyOf(lowerBounds);
    }

    private List<MethodOptions.Case> cases() {
        JsonNode cases = rule.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw missing("generalize to cases", "cases (a list of {when, then})");
        }
        List<MethodOptions.Case> read = new ArrayList<>();
        for (JsonNode entry : cases) {
            if (!entry.isObject()) {
                throw invalid("cases", "a list of {when, then} mappings");
            }
            Keys.requireKnown(where + " cases", entry, Set.of("when", "then"));
            String when = RuleReader.text(where, entry, "when");
            String then = RuleReader.text(where, entry, "then");
            if (when == null || then == null) {
                throw invalid("cases", "entries with both when and then");
            }
            read.add(new MethodOptions.Case(paths.parse(where, when), paths.parse(where, then)));
        }
        return List.copyOf(read);
    }

    private boolean otherwiseKeep() {
        String otherwise = RuleReader.text(where, rule, "otherwise");
        if (otherwise != null && !Set.of("keep", "redact").contains(otherwise)) {
            throw invalid("otherwise", "keep or redact");
        }
        return "keep".equals(otherwise);
    }

    private void requireOnlyWith(boolean applies, String key, String with) {
        if (!applies && rule.has(key)) {
            throw new DeidentificationConfigException(where + ": '" + key + "' only goes with " + with);
        }
    }

    private DeidentificationConfigException missing(String method, String option) {
        return new DeidentificationConfigException(where + ": " + method + " needs " + option);
    }

    private DeidentificationConfigException invalid(String option, String expected) {
        return new DeidentificationConfigException(where + ": '" + option + "' must be " + expected);
    }
}
