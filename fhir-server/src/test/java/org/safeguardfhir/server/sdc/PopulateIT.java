package org.safeguardfhir.server.sdc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.profiles.ScreeningInstrument;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code Questionnaire/$populate} pre-fills what the record knows, as a renderer with a patient context would. */
@FhirServerIntegrationTest
class PopulateIT {

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Test
    void prefillsTheAgeAnswerAndAProfessionalInterpreterFromThePatientsRecord() {
        var patient = new Patient()
                .setBirthDateElement(new DateType(LocalDate.now().minusYears(16).toString()));
        patient.addCommunication()
                .setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", "ro", "Romanian")))
                .setPreferred(true);
        var patientId = client.create().resource(patient).execute().getId().toUnqualifiedVersionless();

        var parameters = new Parameters();
        parameters.addParameter("canonical", new UriType(ScreeningInstrument.ADULT.canonical()));
        parameters.addParameter().setName("subject").setValue(new Reference(patientId.getValue()));
        Parameters result = client.operation()
                .onType("Questionnaire")
                .named("$populate")
                .withParameters(parameters)
                .execute();

        var response = (QuestionnaireResponse) result.getParameter("response").getResource();
        assertThat(response.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        assertThat(response.getSubject().getReference()).isEqualTo(patientId.getValue());
        assertThat(code(response, "private.age")).contains("yes");
        assertThat(code(response, "context.interpreter")).contains("professional");
    }

    @Test
    void answers404ForAnUnknownPatientAnd400WithoutASubject() throws Exception {
        String token = TestTokens.forRoles(Role.GP_SUBMITTER);
        String questionnaire = "Questionnaire/$populate?canonical=" + ScreeningInstrument.CHILD.canonical();

        var unknown = Http.get(port, token, questionnaire + "&subject=Patient/no-such-patient");
        var missing = Http.get(port, token, questionnaire);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("OperationOutcome");
    }

    @Test
    void aCallerWhoMayNotReadPatientsCannotPopulate() throws Exception {
        var patientId =
                client.create().resource(new Patient()).execute().getId().toUnqualifiedVersionless();
        String token = TestTokens.forRoles(Role.RESEARCHER);

        var refused = Http.get(
                port,
                token,
                "Questionnaire/$populate?canonical=" + ScreeningInstrument.CHILD.canonical() + "&subject="
                        + patientId.getValue());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(FhirClients.context()
                        .newJsonParser()
                        .parseResource(refused.body())
                        .fhirType())
                .isEqualTo("OperationOutcome");
    }

    private static Optional<String> code(QuestionnaireResponse response, String linkId) {
        return find(response.getItem(), linkId)
                .map(item -> item.getAnswerFirstRep().getValueCoding().getCode());
    }

    private static Optional<QuestionnaireResponseItemComponent> find(
            List<QuestionnaireResponseItemComponent> items, String linkId) {
        for (var item : items) {
            if (item.getLinkId().equals(linkId)) {
                return Optional.of(item);
            }
            var nested = find(item.getItem(), linkId);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}
