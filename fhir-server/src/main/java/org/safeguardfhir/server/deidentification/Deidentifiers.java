package org.safeguardfhir.server.deidentification;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safeguardfhir.deidentification.Deidentifier;

/** The server's de-identification engines, one per configuration, by name. */
public final class Deidentifiers {

    private final Map<String, Deidentifier> byName;

    Deidentifiers(Map<String, Deidentifier> byName) {
        this.byName = Map.copyOf(byName);
    }

    public Optional<Deidentifier> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
