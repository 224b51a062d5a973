package org.safeguardfhir.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportRequestTest {

    private static final List<String> CONFIGURATIONS = List.of("research", "research-narrow");

    private static Set<String> types(String configuration) {
        return configuration.equals("research")
                ? new LinkedHashSet<>(List.of("Patient", "QuestionnaireResponse", "Observation", "Task"))
                : new LinkedHashSet<>(List.of("Patient"));
    }

    private static ExportRequest parse(Map<String, List<String>> parameters) {
        return ExportRequest.parse(parameters, CONFIGURATIONS, ExportRequestTest::types);
    }

    @Test
    void withoutParametersEveryTypeOfTheDefaultConfigurationIsExported() {
        var request = parse(Map.of());

        assertThat(request.configuration()).isEqualTo("research");
        assertThat(request.types()).containsExactly("Patient", "QuestionnaireResponse", "Observation", "Task");
    }

    @Test
    void typesComeCommaSeparatedOrRepeatedAndKeepTheConfigurationsOrder() {
        var request = parse(Map.of("_type", List.of("Task, Patient", "Observation")));

        assertThat(request.types()).containsExactly("Patient", "Observation", "Task");
    }

    @Test
    void anotherOfferedConfigurationCanBeNamed() {
        var request = parse(Map.of("deidentification", List.of("research-narrow"), "_outputFormat", List.of("ndjson")));

        assertThat(request.configuration()).isEqualTo("research-narrow");
        assertThat(request.types()).containsExactly("Patient");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_since", "_typeFilter", "patient", "includeAssociatedData", "_elements", "colour"})
    void parametersThisServerDoesNotOfferAreRefused(String name) {
        assertThatThrownBy(() -> parse(Map.of(name, List.of("x"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(name);
    }

    @Test
    void typesOutsideTheConfigurationUnknownConfigurationsAndOtherFormatsAreRefused() {
        assertThatThrownBy(() -> parse(Map.of("_type", List.of("Patient,Flag"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Flag");
        assertThatThrownBy(() -> parse(Map.of("deidentification", List.of("dashboard"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("dashboard");
        assertThatThrownBy(() -> parse(Map.of("deidentification", List.of("research", "research-narrow"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> parse(Map.of("_outputFormat", List.of("text/csv"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("text/csv");
    }
}
