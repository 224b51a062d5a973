package org.safeguardfhir.server.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module direction terminology &lt;- profiles &lt;- camel-routes &lt;- fhir-server, with deidentification and
 * durable-work libraries of their own that only camel-routes and fhir-server may use, as ArchUnit rules over a root package, so a test can
 * apply them both to the real code and to a fixture that breaks them.
 */
final class ModuleDependencyRules {

    private ModuleDependencyRules() {}

    static ArchRule moduleDirection(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("terminology")
                .definedBy(root + ".terminology..")
                .layer("deidentification")
                .definedBy(root + ".deidentification..")
                .layer("work")
                .definedBy(root + ".work..")
                .layer("profiles")
                .definedBy(root + ".profiles..")
                .layer("routes")
                .definedBy(root + ".routes..")
                .layer("server")
                .definedBy(root + ".server..")
                .whereLayer("server")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("routes")
                .mayOnlyBeAccessedByLayers("server")
                .whereLayer("profiles")
                .mayOnlyBeAccessedByLayers("routes", "server")
                .whereLayer("terminology")
                .mayOnlyBeAccessedByLayers("profiles", "routes", "server")
                .whereLayer("deidentification")
                .mayOnlyBeAccessedByLayers("routes", "server")
                .whereLayer("work")
                .mayOnlyBeAccessedByLayers("routes", "server");
    }
}
