package org.safeguardfhir.deidentification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir.deidentification");

    @Test
    void dependsOnNoOtherModuleOfOursAndNoSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.safeguardfhir.terminology..",
                        "org.safeguardfhir.profiles..",
                        "org.safeguardfhir.routes..",
                        "org.safeguardfhir.server..",
                        "org.springframework..")
                .check(PRODUCTION);
    }

    @Test
    void methodsKnowNothingOfRulesOrTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("..deidentification.method..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..deidentification.config..", "org.safeguardfhir.deidentification")
                .check(PRODUCTION);
    }

    @Test
    void configurationDoesNotDependOnTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("..deidentification.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.safeguardfhir.deidentification", "..deidentification.method..")
                .check(PRODUCTION);
    }
}
