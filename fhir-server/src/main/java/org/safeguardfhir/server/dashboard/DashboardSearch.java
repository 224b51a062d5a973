package org.safeguardfhir.server.dashboard;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Map;
import java.util.Set;

/**
 * What the dashboard may search its pseudonymised view by: only elements the view keeps, so that no search can tell
 * the dashboard more than the results show. A search by patient, by a note's text or by the exact time a Task was
 * written would answer a question about what the view removed; so would sorting by it. {@code authored-on} is shown to
 * the month, and may be searched to the month.
 */
final class DashboardSearch {

    private static final Set<String> COMMON = Set.of("_id", "_count", "_sort", "_format", "_pretty", "_elements");

    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "Task", Set.of("status", "priority", "code", "business-status", "owner", "intent", "authored-on"),
            "Organization", Set.of("name", "type"));

    private static final Map<String, Set<String>> SORTS =
            Map.of("Task", Set.of("_id", "status", "priority", "authored-on"), "Organization", Set.of("_id", "name"));

    /** Modifiers that narrow by the kept value itself, never by something behind it (as :identifier would). */
    private static final Set<String> MODIFIERS = Set.of("not", "missing", "text", "exact", "contains", "in", "not-in");

    private DashboardSearch() {}

    static void check(String type, Map<String, String[]> parameters) {
        for (var parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            int colon = name.indexOf(':');
            String base = colon < 0 ? name : name.substring(0, colon);
            if (!COMMON.contains(base) && !PARAMETERS.get(type).contains(base)) {
                throw new InvalidRequestException("The dashboard's view of " + type + " can be searched only by "
                        + String.join(", ", PARAMETERS.get(type)) + " and _id; not by " + base + ".");
            }
            if (colon >= 0 && !allowedModifier(name.substring(colon + 1))) {
                throw new InvalidRequestException(
                        "The modifier " + name.substring(colon) + " is not available on the dashboard's view.");
            }
            for (String value : parameter.getValue()) {
                if ("_sort".equals(base)) {
                    checkSort(type, value);
                } else if ("authored-on".equals(base)) {
                    checkMonth(value);
                }
            }
        }
    }

    private static boolean allowedModifier(String modifier) {
        // A resource type (owner:Organization) only says what kind of owner is meant, which the view shows.
        return MODIFIERS.contains(modifier) || modifier.matches("[A-Z][A-Za-z]+");
    }

    private static void checkSort(String type, String value) {
        for (String key : value.split(",")) {
            String field = key.startsWith("-") ? key.substring(1) : key;
            if (!SORTS.get(type).contains(field)) {
                throw new InvalidRequestException("The dashboard's view of " + type + " can be sorted only by "
                        + String.join(", ", SORTS.get(type)) + "; not by " + field + ".");
            }
        }
    }

    private static void checkMonth(String value) {
        for (String date : value.split(",")) {
            TemporalPrecisionEnum precision;
            try {
                precision = new DateParam(date).getPrecision();
            } catch (RuntimeException e) {
                throw new InvalidRequestException("authored-on must be a date such as 2026-03 or ge2026-01.");
            }
            if (precision != TemporalPrecisionEnum.YEAR && precision != TemporalPrecisionEnum.MONTH) {
                throw new InvalidRequestException(
                        "The dashboard sees authored-on to the month; search it by year or month, e.g. 2026-03.");
            }
        }
    }
}
