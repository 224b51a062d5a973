package org.safeguardfhir.server.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeguardfhir");

    @Test
    void modulesDependOnlyDownstream() {
        ModuleDependencyRules.moduleDirection("org.safeguardfhir").check(PRODUCTION);
    }

    @Test
    void routesDoNotUseHapiJpa() {
        ModuleDependencyRules.routesStayOffHapiJpa("org.safeguardfhir").check(PRODUCTION);
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
