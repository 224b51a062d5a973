package org.safeguardfhir.deidentification.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** Rejects mapping keys the format does not define: a misspelt option must not be silently ignored. */
final class Keys {

    private Keys() {}

    static void requireKnown(String where, JsonNode mapping, Set<String> allowed) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new DeidentificationConfigException(where + ": unknown key '" + name + "' (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }
}
