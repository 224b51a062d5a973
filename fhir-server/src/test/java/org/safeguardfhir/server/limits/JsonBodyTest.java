package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
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

    @Test
    void aBundleEntryWithoutARequestOrResourceOrWithAMalformedIfMatchIsNamed() {
        var missingRequest = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        missingRequest.addEntry().setResource(new Patient());
        var missingResource = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        missingResource.addEntry().getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        var badIfMatch = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        badIfMatch
                .addEntry()
                .setResource(new Patient().setId("1"))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Patient/1")
                .setIfMatch("3");

        assertThat(BundleEntries.problem(missingRequest)).contains("Bundle.entry[0].request.method is missing");
        assertThat(BundleEntries.problem(missingResource)).contains("Bundle.entry[0].resource is missing for POST");
        assertThat(BundleEntries.problem(badIfMatch))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("Bundle.entry[0].request.ifMatch"));
    }
}
