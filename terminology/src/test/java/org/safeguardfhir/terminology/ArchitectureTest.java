package org.safeguardfhir.terminology;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The terminology is the bottom of the house: it depends on no other module of ours, on no framework. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir.terminology");

    @Test
    void dependsOnNoOtherModuleOfOursAndNoFramework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.safeguardfhir.profiles..",
                        "org.safeguardfhir.deidentification..",
                        "org.safeguardfhir.routes..",
                        "org.safeguardfhir.server..",
                        "org.springframework..",
                        "org.apache.camel..",
                        "ca.uhn.fhir..")
                .check(PRODUCTION);
    }
}
