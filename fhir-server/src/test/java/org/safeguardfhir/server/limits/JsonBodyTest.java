package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"resourceType\":\"Patient\",\"active\":true,\"active\":false}|duplicate key 'active'",
                "{\"resourceType\":\"Patient\",\"\":1}|empty key",
                "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1e99999}}|number out of any FHIR range",
                "{\"resourceType\":\"Patient\",|not well-formed JSON",
            })
    void refusesWhatHapisParserWouldTakeSilentlyOrFailOn(String body, String problem) {
        assertThat(JsonBody.problem(body.getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(found -> assertThat(found).contains(problem));
    }

    @Test
    void ordinaryFhirJsonPasses() {
        assertThat(JsonBody.problem(
                        "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1.5e3},\"status\":\"final\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
