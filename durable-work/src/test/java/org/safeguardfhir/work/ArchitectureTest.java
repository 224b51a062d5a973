package org.safeguardfhir.work;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Durable work knows nothing of what the work is: no module of ours, no FHIR, no Camel. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir.work");

    @Test
    void knowsNothingOfWhatTheWorkIs() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.safeguardfhir.terminology..",
                        "org.safeguardfhir.profiles..",
                        "org.safeguardfhir.deidentification..",
                        "org.safeguardfhir.routes..",
                        "org.safeguardfhir.server..",
                        "ca.uhn.fhir..",
                        "org.hl7.fhir..",
                        "org.apache.camel..")
                .check(PRODUCTION);
    }
}
