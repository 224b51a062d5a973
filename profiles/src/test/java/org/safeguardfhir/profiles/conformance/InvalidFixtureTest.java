package org.safeguardfhir.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each invalid fixture breaks one rule of a profile and fails exactly as {@code validation-cases.csv} states (the
 * mCODE pattern): with that severity, at that location, with a message containing that fragment.
 */
class InvalidFixtureTest {

    /** One line of validation-cases.csv. The message fragment is the last column and may contain commas. */
    record ValidationCase(
            String file, String profile, ResultSeverityEnum severity, String location, String messageFragment) {

        static ValidationCase parse(String line) {
            String[] columns = line.split(",", 5);
            if (columns.length != 5 || ResultSeverityEnum.fromCode(columns[2]) == null) {
                throw new IllegalArgumentException("Not a validation case: " + line);
            }
            return new ValidationCase(
                    columns[0], columns[1], ResultSeverityEnum.fromCode(columns[2]), columns[3], columns[4]);
        }

        boolean isMetBy(SingleValidationMessage message) {
            return message.getSeverity() == severity
                    && location.equals(message.getLocationString())
                    && message.getMessage().contains(messageFragment);
        }
    }

    static List<ValidationCase> cases() {
        return ConformanceArtefacts.read(ConformanceArtefacts.VALIDATION_CASES)
                .lines()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(ValidationCase::parse)
                .toList();
    }

    static Stream<Named<ValidationCase>> namedCases() {
        return cases().stream().map(c -> Named.of(c.file(), c));
    }

    @ParameterizedTest
    @MethodSource("namedCases")
    void failsWithTheStatedSeverityLocationAndMessage(ValidationCase validationCase) {
        Path fixture = ConformanceArtefacts.INVALID.resolve(validationCase.file());
        assertThat(ExampleValidationTest.declaredProfiles(fixture)).containsExactly(validationCase.profile());

        List<SingleValidationMessage> messages = ConformanceArtefacts.validate(fixture);

        assertThat(messages)
                .as(
                        "expected %s at %s containing '%s', got:%s",
                        validationCase.severity(),
                        validationCase.location(),
                        validationCase.messageFragment(),
                        ConformanceArtefacts.describe(messages))
                .anyMatch(validationCase::isMetBy);
    }

    @Test
    void everyFixtureHasExactlyOneCaseAndEveryCaseAFixture() {
        List<String> fixtures = ConformanceArtefacts.jsonFiles(ConformanceArtefacts.INVALID).stream()
                .map(f -> f.getFileName().toString())
                .toList();

        assertThat(cases())
                .extracting(ValidationCase::file)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(fixtures);
    }

    @Test
    void everyProfileHasAnInvalidFixture() {
        assertThat(cases().stream().map(ValidationCase::profile).distinct())
                .containsExactlyInAnyOrderElementsOf(ConformanceArtefacts.profiles().stream()
                        .map(StructureDefinition::getUrl)
                        .toList());
    }
}
