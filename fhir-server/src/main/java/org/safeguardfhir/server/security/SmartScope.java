package org.safeguardfhir.server.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One SMART on FHIR resource scope, such as {@code system/Task.rs} (v2) or {@code patient/Observation.read} (v1).
 *
 * @param context whose data the scope is about: one patient, what the user may see, or the calling system's
 * @param resourceType a FHIR resource type, or {@code *} for all
 * @param interactions what the scope permits
 */
public record SmartScope(Context context, String resourceType, Set<Interaction> interactions) {

    public enum Context {
        PATIENT,
        USER,
        SYSTEM
    }

    /** SMART v2's permissions: create, read, update, delete, search. */
    public enum Interaction {
        CREATE('c'),
        READ('r'),
        UPDATE('u'),
        DELETE('d'),
        SEARCH('s');

        private final char letter;

        Interaction(char letter) {
            this.letter = letter;
        }
    }

    private static final Pattern SCOPE =
            Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]+)\\.([a-z*]+)(\\?.*)?");
    private static final Pattern V2_PERMISSIONS = Pattern.compile("c?r?u?d?s?");

    public SmartScope {
        interactions = interactions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(interactions));
    }

    /**
     * Empty for anything that is not a resource scope ({@code openid}, {@code launch}, {@code fhirUser}, …) or that is
     * malformed. Scope query parameters ({@code ?category=…}) would narrow a grant; they are not supported, so such a
     * scope grants nothing rather than more than it says.
     */
    public static Optional<SmartScope> parse(String scope) {
        var matcher = SCOPE.matcher(scope);
        if (!matcher.matches() || matcher.group(4) != null) {
            return Optional.empty();
        }
        var context = Context.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
        String permissions = matcher.group(3);
        Set<Interaction> interactions =
                switch (permissions) {
                    case "read" -> EnumSet.of(Interaction.READ, Interaction.SEARCH);
                    case "write" -> EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
                    case "*" -> EnumSet.allOf(Interaction.class);
                    default -> v2(permissions);
                };
        return interactions.isEmpty()
                ? Optional.empty()
                : Optional.of(new SmartScope(context, matcher.group(2), interactions));
    }

    private static Set<Interaction> v2(String permissions) {
        if (!V2_PERMISSIONS.matcher(permissions).matches()) {
            return Set.of();
        }
        var interactions = EnumSet.noneOf(Interaction.class);
        for (var interaction : Interaction.values()) {
            if (permissions.indexOf(interaction.letter) >= 0) {
                interactions.add(interaction);
            }
        }
        return interactions;
    }

    public boolean permits(String type, Interaction interaction) {
        return ("*".equals(resourceType) || resourceType.equals(type)) && interactions.contains(interaction);
    }
}
