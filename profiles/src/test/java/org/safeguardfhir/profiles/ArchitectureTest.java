package org.safeguardfhir.profiles;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The conformance package's code: it may use the terminology and HAPI's FHIR model, nothing of the server, the
 * pipeline or Spring; the SDC support and the packaging know nothing of each other.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir.profiles");

    @Test
    void dependsOnlyOnTheTerminologyAmongOurModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.safeguardfhir.deidentification..",
                        "org.safeguardfhir.routes..",
                        "org.safeguardfhir.server..",
                        "org.springframework..",
                        "org.apache.camel..")
                .check(PRODUCTION);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.safeguardfhir.profiles.(*)..")
                .should()
                .beFreeOfCycles()
                .check(PRODUCTION);
    }

    @Test
    void sdcSupportAndPackagingAreIndependent() {
        noClasses()
                .that()
                .resideInAPackage("..profiles.sdc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..profiles.packaging..")
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideInAPackage("..profiles.packaging..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..profiles.sdc..")
                .check(PRODUCTION);
    }
}
