package org.safeguardfhir.server.limits;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.safeguardfhir.server.errors.NamedProblem;

/**
 * A search's parameters within the limits (criteria, sort keys, paging), and without what HAPI would take without
 * complaint or fail on inside: a parameter that shapes the
 * answer given twice or with a value it does not have, an empty sort key, a modifier FHIR does not define, a number
 * no decimal can be, a reference whose version is no number, a value longer than the limit. Each problem names the
 * parameter.
 */
final class SearchParameters {

    /** Result parameters FHIR gives one value each; a second would be silently dropped. */
    private static final Set<String> ONCE =
            Set.of("_count", "_offset", "_format", "_pretty", "_summary", "_total", "_contained", "_containedType");

    private static final Map<String, Set<String>> VALUES = Map.of(
            "_summary", Set.of("true", "text", "data", "count", "false"),
            "_total", Set.of("none", "estimate", "accurate"),
            "_pretty", Set.of("true", "false"),
            "_contained", Set.of("true", "false", "both"),
            "_containedType", Set.of("container", "contained"));

    private static final Set<String> MODIFIERS = Set.of(
            "missing", "exact", "contains", "text", "not", "above", "below", "in", "not-in", "of-type", "identifier");

    private static final Set<String> FORMATS = Set.of("json", "xml", "html", "text/html");
    private static final Set<String> PREFIXES = Set.of("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern VERSIONED = Pattern.compile(".*/_history/(.*)");

    /** Parameters that shape the answer rather than the query, which do not count against max-search-parameters. */
    private static final Set<String> NOT_CRITERIA = Set.of(
            "_count",
            "_offset",
            "_format",
            "_pretty",
            "_summary",
            "_elements",
            "_total",
            "_sort",
            "_include",
            "_revinclude",
            "_getpages",
            "_getpagesoffset",
            "_bundletype");

    private final FhirContext fhirContext;
    private final ISearchParamRegistry registry;
    private final RequestLimits limits;
    private final int maxValueLength;

    SearchParameters(FhirContext fhirContext, ISearchParamRegistry registry, RequestLimits limits) {
        this.fhirContext = fhirContext;
        this.registry = registry;
        this.limits = limits;
        this.maxValueLength = limits.maxSearchValueLength();
    }

    Optional<NamedProblem> problem(String resourceType, Map<String, String[]> parameters) {
        Optional<NamedProblem> limit = limitProblem(parameters);
        if (limit.isPresent()) {
            return limit;
        }
        for (var parameter : parameters.entrySet()) {
            Optional<NamedProblem> problem = problem(resourceType, parameter.getKey(), parameter.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<NamedProblem> problem(String resourceType, String name, String[] values) {
        if (ONCE.contains(name) && values.length > 1) {
            return bad(name, name + " may be given once");
        }
        for (String value : values) {
            if (value.length() > maxValueLength) {
                return bad(
                        name,
                        ClientText.quote(name) + " has a value longer than the limit"
                                + " safeguard.limits.max-search-value-length (" + maxValueLength + " characters)");
            }
            Optional<NamedProblem> problem = valueProblem(resourceType, name, value);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<NamedProblem> valueProblem(String resourceType, String name, String value) {
        Set<String> allowed = VALUES.get(name);
        if (allowed != null && !allowed.contains(value.trim())) {
            return bad(
                    name,
                    name + " must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
        if (name.equals("_format")
                && !FORMATS.contains(value.trim())
                && EncodingEnum.forContentType(value.trim()) == null) {
            return Optional.of(NamedProblem.http(406, "_format", "_format must be json, xml or a FHIR media type"));
        }
        if (name.equals("_sort")) {
            for (String key : value.split(",", -1)) {
                if (key.trim().isEmpty() || key.trim().equals("-")) {
                    return bad("_sort", "_sort has an empty key");
                }
            }
        }
        if (name.startsWith("_")
                || resourceType == null
                || !fhirContext.getResourceTypes().contains(resourceType)) {
            return Optional.empty();
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        int colon = base.indexOf(':');
        String code = colon < 0 ? base : base.substring(0, colon);
        if (colon >= 0) {
            String modifier = base.substring(colon + 1);
            if (!MODIFIERS.contains(modifier) && !fhirContext.getResourceTypes().contains(modifier)) {
                return bad(
                        name,
                        ClientText.quote(code) + " has a modifier FHIR does not define: " + ClientText.quote(modifier));
            }
        }
        RuntimeSearchParam parameter = registry.getActiveSearchParam(
                resourceType, code, ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH);
        if (parameter == null || name.contains(".")) {
            return Optional.empty();
        }
        return typedValueProblem(parameter.getParamType(), code, value);
    }

    private static Optional<NamedProblem> typedValueProblem(
            RestSearchParameterTypeEnum type, String code, String value) {
        for (String one : value.split(",")) {
            if (type == RestSearchParameterTypeEnum.NUMBER || type == RestSearchParameterTypeEnum.QUANTITY) {
                String number = one.split("\\|", -1)[0].trim();
                if (number.length() > 2 && PREFIXES.contains(number.substring(0, 2))) {
                    number = number.substring(2);
                }
                if (NUMBER.matcher(number).matches() && JsonBody.absurd(number)) {
                    return bad(code, ClientText.quote(code) + " has a number out of any FHIR range");
                }
            }
            if (type == RestSearchParameterTypeEnum.REFERENCE) {
                var versioned = VERSIONED.matcher(one);
                if (versioned.matches() && !versioned.group(1).matches("\\d{1,18}")) {
                    return bad(code, ClientText.quote(code) + " refers to a version that is no number");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<NamedProblem> limitProblem(Map<String, String[]> parameters) {
        int criteria = 0;
        for (var parameter : parameters.entrySet()) {
            if (!NOT_CRITERIA.contains(parameter.getKey())) {
                criteria += parameter.getValue().length;
            }
        }
        if (criteria > limits.maxSearchParameters()) {
            return Optional.of(NamedProblem.request(
                    400,
                    "The request has " + criteria + " search parameter values, more than the limit"
                            + " safeguard.limits.max-search-parameters (" + limits.maxSearchParameters() + ")"));
        }
        int sortKeys = 0;
        for (String sort : parameters.getOrDefault("_sort", new String[0])) {
            sortKeys += sort.split(",", -1).length;
        }
        if (sortKeys > limits.maxSortKeys()) {
            return bad(
                    "_sort",
                    "_sort has " + sortKeys + " keys, more than the limit safeguard.limits.max-sort-keys ("
                            + limits.maxSortKeys() + ")");
        }
        return number(parameters, "_count", Integer.MAX_VALUE, "safeguard.fhir.max-page-size caps it")
                .or(() -> number(parameters, "_offset", limits.maxOffset(), "the limit safeguard.limits.max-offset"));
    }

    private static Optional<NamedProblem> number(Map<String, String[]> parameters, String name, int max, String limit) {
        for (String value : parameters.getOrDefault(name, new String[0])) {
            long parsed;
            try {
                parsed = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return bad(name, name + " must be a whole number, not " + ClientText.quote(value));
            }
            if (parsed < 0 || parsed > max) {
                return bad(name, name + " must be between 0 and " + max + " (" + limit + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<NamedProblem> bad(String parameter, String diagnostics) {
        return Optional.of(NamedProblem.http(400, ClientText.clean(parameter), diagnostics));
    }
}
