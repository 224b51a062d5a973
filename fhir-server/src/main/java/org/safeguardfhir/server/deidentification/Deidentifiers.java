package org.safeguardfhir.server.deidentification;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safeguardfhir.deidentification.Deidentifier;

/** The server's de-identification engines, one per configuration, by name. */
public final class Deidentifiers {

    private final Map<String, Deidentifier> byName;
    private final String dashboardView;

    Deidentifiers(Map<String, Deidentifier> byName, String dashboardView) {
        this.byName = Map.copyOf(byName);
        this.dashboardView = dashboardView;
        if (!this.byName.containsKey(dashboardView)) {
            throw new IllegalArgumentException("no configuration named " + dashboardView);
        }
    }

    /** The engine that makes the dashboard role's view of Tasks and their owners. */
    public Deidentifier dashboardView() {
        return byName.get(dashboardView);
    }

    public String dashboardViewName() {
        return dashboardView;
    }

    public Optional<Deidentifier> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
