package org.safeguardfhir.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped examples are valid against the profiles they declare, and every profile has one. */
class ExampleValidationTest {

    static Stream<Named<Path>> examples() {
        return ConformanceArtefacts.named(ConformanceArtefacts.jsonFiles(ConformanceArtefacts.EXAMPLES));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void validatesWithoutErrorsAgainstTheProfilesItDeclares(Path example) {
        Resource resource = (Resource) ConformanceArtefacts.parse(example);
        assertThat(example.getFileName()).hasToString(resource.fhirType() + "-" + resource.getIdPart() + ".json");
        assertThat(declaredProfiles(example)).isSubsetOf(profileUrls());

        List<SingleValidationMessage> messages = ConformanceArtefacts.validate(example);

        assertThat(messages)
                .as(ConformanceArtefacts.describe(messages))
                .noneMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
    }

    @Test
    void everyProfileHasAnExampleDeclaringIt() {
        List<String> declared = ConformanceArtefacts.jsonFiles(ConformanceArtefacts.EXAMPLES).stream()
                .flatMap(e -> declaredProfiles(e).stream())
                .toList();

        assertThat(declared).containsAll(profileUrls());
    }

    static List<String> declaredProfiles(Path file) {
        Resource resource = (Resource) ConformanceArtefacts.parse(file);
        return resource.getMeta().getProfile().stream()
                .map(CanonicalType::getValue)
                .toList();
    }

    private static List<String> profileUrls() {
        return ConformanceArtefacts.profiles().stream()
                .map(StructureDefinition::getUrl)
                .toList();
    }
}
