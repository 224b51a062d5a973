package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeguardfhir.server.errors.NamedProblem;

class FhirJsonTypesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirJsonTypes TYPES = new FhirJsonTypes(FHIR);

    private static Optional<String> problem(String json) throws IOException {
        return named(json).map(NamedProblem::diagnostics);
    }

    private static Optional<NamedProblem> named(String json) throws IOException {
        return TYPES.problem(new ObjectMapper().readTree(json));
    }

    private static String patient(String elements) {
        return "{\"resourceType\":\"Patient\"," + elements + "}";
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"active\":\"true\"|Patient.active is a FHIR boolean",
                "\"language\":12|Patient.language is a FHIR code: its JSON value must be a JSON string",
                "\"birthDate\":19900101|Patient.birthDate is a FHIR date",
                "\"birthDate\":\" 1990-01-01\"|Patient.birthDate is not a valid FHIR date",
                "\"meta\":{\"lastUpdated\":\" 2024-01-01T00:00:00Z\"}|Patient.meta.lastUpdated is not a valid FHIR instant",
                "\"deceasedDateTime\":\"2020-01-01T10:00:00\"|Patient.deceasedDateTime is not a valid FHIR dateTime",
                "\"id\":\"has spaces\"|Patient.id is not a valid FHIR id",
                "\"id\":\"../../etc\"|Patient.id is not a valid FHIR id",
                "\"name\":\"Smith\"|Patient.name repeats",
                "\"gender\":[\"male\"]|Patient.gender may appear once",
                "\"name\":[]|Patient.name is an empty array",
                "\"name\":[null]|Patient.name[0] is null",
                "\"name\":[{\"given\":[null]}]|Patient.name[0].given[0] is null and _given has no extension",
                "\"extension\":[null]|Patient.extension[0] is null",
                "\"name\":[{\"family\":\"   \"}]|Patient.name[0].family is empty or only whitespace",
                "\"multipleBirthInteger\":1.5|Patient.multipleBirthInteger is a FHIR integer",
                "\"multipleBirthInteger\":3000000000|out of the range of a FHIR integer",
                "\"birthDate\":\"1990-01-01\",\"_birthDate\":{\"hostile\":1}|Patient._birthDate may hold only id and extension, not \"hostile\"",
                "\"_name\":{\"id\":\"x\"}|Patient._name: only a primitive element",
                "\"extension\":[{\"url\":\"http://example.org/x\",\"valueBoolean\":\"yes\"}]|Patient.extension[0].valueBoolean is a FHIR boolean",
                "\"contained\":[{\"resourceType\":\"Patient\",\"active\":1}]|Patient.contained[0].active is a FHIR boolean",
                "\"managingOrganization\":{\"reference\":12}|Patient.managingOrganization.reference is a FHIR string",
            })
    void namesTheElementWhoseJsonIsNotFhirs(String elements, String problem) throws IOException {
        assertThat(problem(patient(elements)))
                .hasValueSatisfying(found -> assertThat(found).contains(problem));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"active\":\"true\"|Patient.active",
                "\"name\":[{\"given\":[null]}]|Patient.name[0].given[0]",
                "\"birthDate\":\"1990-01-01\",\"_birthDate\":{\"hostile\":1}|Patient.birthDate",
                "\"contained\":[{\"resourceType\":\"Patient\",\"active\":1}]|Patient.contained[0].active",
            })
    void theOutcomeNamesTheElementAsFhirPathDoes(String elements, String expression) throws IOException {
        assertThat(named(patient(elements))).hasValueSatisfying(found -> {
            assertThat(found.expression()).isEqualTo(expression);
            assertThat(found.outcome().getIssueFirstRep().getExpression().get(0).getValue())
                    .isEqualTo(expression);
            assertThat(found.status()).isEqualTo(400);
        });
    }

    @Test
    void aStringOverFhirsMegabyteIsRefused() throws IOException {
        String family = "a".repeat(FhirPrimitives.MAX_STRING_LENGTH + 1);

        assertThat(problem(patient("\"name\":[{\"family\":\"" + family + "\"}]")))
                .hasValueSatisfying(found -> assertThat(found).contains("longer than FHIR's limit"));
    }

    @Test
    void whatHapiWritesPassesEvenWithExtensionsNullsAndNestedResources() throws IOException {
        var patient = new Patient();
        patient.setId("p-1.2");
        patient.setActive(true);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1990-02"));
        var name = patient.addName().setFamily("Okafor");
        name.addGivenElement().addExtension(new Extension("http://example.org/x", new StringType("only an extension")));
        name.addGiven("Ada");
        patient.setDeceased(new DateTimeType("2020-01-01T10:00:00+01:00"));
        patient.addExtension(new Extension("http://example.org/y", new Quantity(2.5)));
        var observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().setText("x");
        observation.setSubject(new org.hl7.fhir.r4.model.Reference("urn:uuid:0c9e5b52-0f7f-4d8b-9c3e-8b6f0d1f2a3b"));
        observation.setValue(new Quantity().setValue(12.75).setUnit("kg"));
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry()
                .setFullUrl("urn:uuid:0c9e5b52-0f7f-4d8b-9c3e-8b6f0d1f2a3b")
                .setResource(patient);
        bundle.addEntry()
                .setResource(observation)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");

        String json = FHIR.newJsonParser().encodeResourceToString(bundle);

        assertThat(json).contains("\"given\":[null,\"Ada\"]");
        assertThat(problem(json)).isEmpty();
    }

    @Test
    void aBodyThatIsNoResourceIsLeftToTheOperationThatTakesIt() throws IOException {
        assertThat(problem("[{\"op\":\"replace\",\"path\":\"/active\",\"value\":\"x\"}]"))
                .isEmpty();
        assertThat(problem("{\"op\":1}")).isEmpty();
    }

    @Test
    void anUnknownResourceTypeIsNamedWithoutEchoingIt() throws IOException {
        assertThat(problem("{\"resourceType\":\"<script>\"}"))
                .hasValueSatisfying(found ->
                        assertThat(found).contains("unknown resourceType").doesNotContain("<"));
    }
}
