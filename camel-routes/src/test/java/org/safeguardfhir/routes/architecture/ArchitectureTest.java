package org.safeguardfhir.routes.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's packages: the screening logic knows nothing of Camel, Spring or storage; the FHIR store is a port
 * that depends on nothing of ours; the outbox knows no referral; only the referral package drives Camel.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir.routes");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.safeguardfhir.routes.(*)..")
                .should()
                .beFreeOfCycles()
                .check(PRODUCTION);
    }

    @Test
    void theScreeningLogicIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("..routes.screening..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.camel..",
                        "org.springframework..",
                        "..routes.outbox..",
                        "..routes.referral..",
                        "..routes.fhir..",
                        "..routes.support..")
                .check(PRODUCTION);
    }

    @Test
    void theFhirStorePortDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("..routes.fhir..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.safeguardfhir..", "org.apache.camel..", "org.springframework..")
                .check(PRODUCTION);
    }

    @Test
    void theOutboxKnowsNoReferralAndNoCamel() {
        noClasses()
                .that()
                .resideInAPackage("..routes.outbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..routes.referral..", "..routes.screening..", "org.apache.camel..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheReferralPackageDrivesCamel() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..routes.referral..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.camel..")
                .check(PRODUCTION);
    }

    @Test
    void theRouteAndItsStepsAreTheModulesOwn() {
        noClasses()
                .that()
                .areAssignableTo(RouteBuilder.class)
                .or()
                .haveSimpleNameEndingWith("Steps")
                .or()
                .haveSimpleNameEndingWith("Failures")
                .should()
                .bePublic()
                .because("the module wires its route itself (ReferralRouteConfiguration); the application supplies"
                        + " only the FhirStore port, the data source, the jurisdiction and the settings")
                .check(PRODUCTION);
    }

    @Test
    void nothingUsesHapiJpa() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ca.uhn.fhir.jpa..")
                .because("the pipeline talks FHIR through the FhirStore port, not HAPI's persistence classes")
                .check(PRODUCTION);
    }
}
