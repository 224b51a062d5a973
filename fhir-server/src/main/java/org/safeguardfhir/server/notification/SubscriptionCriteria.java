package org.safeguardfhir.server.notification;

import java.util.Set;

/**
 * What a Subscription may ask to be told about: Tasks only, narrowed by the search parameters a dashboard sees in the
 * clear. Nothing that reaches into other resources (chains, {@code _has}, {@code _include}) and nothing a caller could
 * use to learn about content it cannot read; HAPI's in-memory matcher evaluates every criterion allowed here.
 */
final class SubscriptionCriteria {

    static final String RESOURCE_TYPE = "Task";

    private static final Set<String> TOKEN_PARAMETERS = Set.of("status", "priority", "code", "business-status", "_id");
    private static final Set<String> PARAMETERS =
            Set.of("status", "priority", "code", "business-status", "_id", "owner");

    private SubscriptionCriteria() {}

    /**
     * The criteria as they will be matched, or an explanation of what is wrong.
     *
     * @throws IllegalArgumentException naming the first part that is not allowed
     */
    static String check(String criteria) {
        if (criteria == null || criteria.isBlank()) {
            throw new IllegalArgumentException("Subscription.criteria is required, e.g. Task?status=requested");
        }
        String trimmed = criteria.strip();
        int query = trimmed.indexOf('?');
        String type = query < 0 ? trimmed : trimmed.substring(0, query);
        if (!RESOURCE_TYPE.equals(type)) {
            throw new IllegalArgumentException(
                    "Subscriptions here are to Task changes only: criteria must start with Task, not " + type);
        }
        if (query < 0 || query == trimmed.length() - 1) {
            return RESOURCE_TYPE;
        }
        for (String pair : trimmed.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("Criteria need name=value pairs: " + pair);
            }
            String name = pair.substring(0, equals);
            String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            String modifier = name.contains(":") ? name.substring(name.indexOf(':') + 1) : null;
            if (base.contains(".") || base.startsWith("_has")) {
                throw new IllegalArgumentException("Criteria cannot reach into other resources: " + name);
            }
            if (!PARAMETERS.contains(base)) {
                throw new IllegalArgumentException(
                        "Criteria may use only " + String.join(", ", sorted()) + "; not " + base);
            }
            if (modifier != null && !("not".equals(modifier) && TOKEN_PARAMETERS.contains(base))) {
                throw new IllegalArgumentException("The only modifier allowed in criteria is :not on a code: " + name);
            }
        }
        return trimmed;
    }

    private static java.util.List<String> sorted() {
        return PARAMETERS.stream().sorted().toList();
    }
}
