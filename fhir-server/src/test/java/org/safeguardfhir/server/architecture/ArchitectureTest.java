package org.safeguardfhir.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module direction across the repository, and within the server: feature packages free of cycles, the
 * infrastructure below every feature, access control and the bad-input guards independent of what they guard.
 */
class ArchitectureTest {

    /** Packages every feature may use, which use no feature. */
    static final String[] INFRASTRUCTURE = {"..server.fhir..", "..server.worker..", "..server.database.."};

    static final String[] FEATURES = {
        "..server.abandoned..", "..server.access..", "..server.audit..", "..server.breakglass..",
        "..server.concern..", "..server.conformance..", "..server.dashboard..", "..server.deidentification..",
        "..server.errors..", "..server.export..", "..server.limits..", "..server.notification..",
        "..server.screening..", "..server.sdc..", "..server.security..", "..server.statistics..",
        "..server.validation.."
    };

    static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir.server");

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir");

    @Test
    void modulesDependOnlyDownstream() {
        ModuleDependencyRules.moduleDirection("org.safeguardfhir").check(PRODUCTION);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.safeguardfhir.server.(*)..")
                .should()
                .beFreeOfCycles()
                .check(SERVER);
    }

    @Test
    void theInfrastructureKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(INFRASTRUCTURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(SERVER);
    }

    @Test
    void accessControlDecidesWithoutTheFeaturesItGuards() {
        noClasses()
                .that()
                .resideInAPackage("..server.access..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..server.audit..",
                        "..server.breakglass..",
                        "..server.concern..",
                        "..server.dashboard..",
                        "..server.export..",
                        "..server.notification..",
                        "..server.screening..",
                        "..server.statistics..")
                .check(SERVER);
    }

    @Test
    void badInputIsRefusedWithoutKnowingWhoAsks() {
        noClasses()
                .that()
                .resideInAnyPackage("..server.limits..", "..server.abandoned..", "..server.errors..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..server.security..", "..server.access..")
                .check(SERVER);
    }

    @Test
    void detectsATerminologyClassThatReachesIntoTheServer() {
        var fixture = new ClassFileImporter().importPackages("org.safeguardfhir.architecture.violation");

        assertThatThrownBy(() -> ModuleDependencyRules.moduleDirection("org.safeguardfhir.architecture.violation")
                        .check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TerminologyCallingServer");
    }
}
