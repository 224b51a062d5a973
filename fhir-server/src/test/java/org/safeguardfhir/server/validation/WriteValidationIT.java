package org.safeguardfhir.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.PackageExamples;
import org.springframework.beans.factory.annotation.Autowired;

@FhirServerIntegrationTest
class WriteValidationIT {

    @Autowired
    DaoRegistry daos;

    @Autowired
    IGenericClient client;

    ScreeningFixtures fixtures;

    @BeforeEach
    void connect() {
        fixtures = new ScreeningFixtures(client);
    }

    @Test
    void acceptsEveryShippedExampleScreeningWith201() {
        var responses = fixtures.responses();
        assertThat(responses).isNotEmpty();

        for (var response : responses) {
            var outcome = client.create().resource(response).execute();
            assertThat(outcome.getResponseStatusCode())
                    .as(response.getQuestionnaire())
                    .isEqualTo(201);
        }
    }

    @Test
    void storesEveryScreeningResponseRestrictedAndUnderItsProfile() {
        var response = fixtures.response();
        response.getMeta().getSecurity().clear();
        response.getMeta().getProfile().clear();

        var id = client.create().resource(response).execute().getId();
        var stored =
                client.read().resource(QuestionnaireResponse.class).withId(id).execute();

        assertThat(stored.getMeta().getSecurity())
                .extracting(c -> c.getSystem() + "#" + c.getCode())
                .contains(
                        "http://terminology.hl7.org/CodeSystem/v3-Confidentiality#R",
                        "https://safeguardfhir.org/fhir/CodeSystem/safeguarding-security-policy#HT");
        assertThat(stored.getMeta().getProfile())
                .extracting(p -> p.getValue())
                .contains("https://safeguardfhir.org/fhir/StructureDefinition/screening-questionnaire-response");
    }

    @Test
    void acceptsAScreeningIdentifiedUnderAnOidOutsideTheShippedOidRegistry() {
        // The server ships a reduced OID registry (see OidRegistryTest); an unlisted OID must not turn into a
        // rejection.
        var response = fixtures.response();
        response.getIdentifier()
                .setSystem("urn:oid:2.16.840.1.113883.6.12")
                .setValue(UUID.randomUUID().toString());

        var outcome = client.create().resource(response).execute();

        assertThat(outcome.getResponseStatusCode()).isEqualTo(201);
    }

    @Test
    void rejectsAnAnswerCodeOutsideTheItemsValueSetWith422NamingTheItem() {
        var response = fixtures.response();
        ScreeningFixtures.firstCodedAnswer(response).getValueCoding().setCode("not-a-code");

        var outcome = rejection(response);

        assertThat(outcome.getIssue())
                .filteredOn(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .isNotEmpty()
                .anySatisfy(i -> assertThat(expressions(i)).anyMatch(e -> e.startsWith("QuestionnaireResponse.item")));
    }

    @Test
    void rejectsAScreeningWithoutSubjectWith422EvenIfItClaimsNoProfile() {
        var response = fixtures.response();
        response.setSubject(null);
        response.getMeta().getProfile().clear();

        var outcome = rejection(response);

        assertThat(outcome.getIssue())
                .filteredOn(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .anySatisfy(i -> assertThat(expressions(i)).contains("QuestionnaireResponse.subject"));
    }

    @Test
    void rejectsASafeguardingFlagWithoutItsSecurityLabelsWith422() {
        var flag = PackageExamples.examples(Flag.class).get(0).copy();
        flag.setId((String) null);
        flag.setSubject(fixtures.patient().copy());
        flag.getMeta().getSecurity().removeIf(c -> "SAFEGUARDING".equals(c.getCode()));

        var outcome = rejection(flag);

        assertThat(outcome.getIssue())
                .anySatisfy(i -> assertThat(expressions(i)).anyMatch(e -> e.startsWith("Flag.meta")));
    }

    @Test
    void validatesTheServersOwnWritesToo() {
        var flag = PackageExamples.examples(Flag.class).get(0).copy();
        flag.setId((String) null);
        flag.setSubject(fixtures.patient().copy());
        flag.getMeta().getSecurity().removeIf(c -> "SAFEGUARDING".equals(c.getCode()));

        assertThatThrownBy(() -> daos.getResourceDao(Flag.class).create(flag, new SystemRequestDetails()))
                .isInstanceOf(UnprocessableEntityException.class);
    }

    @Test
    void storesNothingOfARejectedTransaction() {
        String localId = UUID.randomUUID().toString();
        var response = fixtures.response();
        ScreeningFixtures.firstCodedAnswer(response).getValueCoding().setCode("not-a-code");
        var bundle = gpSubmission(localId, response);

        assertThatThrownBy(() -> client.transaction().withBundle(bundle).execute())
                .isInstanceOf(UnprocessableEntityException.class);

        var patients = client.search()
                .byUrl("Patient?identifier=https://gp.example.org/fhir/sid/local-patient-id|" + localId)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(patients.getEntry()).isEmpty();
    }

    @Test
    void acceptsAGpSubmissionOfPatientAndResponseInOneTransactionWithoutNationalNumber() {
        String localId = UUID.randomUUID().toString();

        var first = client.transaction()
                .withBundle(gpSubmission(localId, fixtures.response()))
                .execute();
        var again = client.transaction()
                .withBundle(gpSubmission(localId, fixtures.response()))
                .execute();

        assertThat(first.getEntry())
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        assertThat(again.getEntry().get(0).getResponse().getStatus()).startsWith("200");
        var patients = client.search()
                .byUrl("Patient?identifier=https://gp.example.org/fhir/sid/local-patient-id|" + localId)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(patients.getEntry()).hasSize(1);
    }

    @Test
    void validateOperationReportsErrorsWithoutStoring() {
        var invalid = fixtures.response();
        invalid.setAuthor(null);
        invalid.getIdentifier().setValue("validate-only-" + UUID.randomUUID());

        var validOutcome = (OperationOutcome)
                client.validate().resource(fixtures.response()).execute().getOperationOutcome();
        var invalidOutcome =
                (OperationOutcome) client.validate().resource(invalid).execute().getOperationOutcome();

        assertThat(validOutcome.getIssue()).noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
        assertThat(invalidOutcome.getIssue())
                .filteredOn(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .anySatisfy(i -> assertThat(i.getDiagnostics()).contains("author"));
        var stored = client.search()
                .byUrl("QuestionnaireResponse?identifier="
                        + invalid.getIdentifier().getSystem() + "|"
                        + invalid.getIdentifier().getValue())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(stored.getEntry()).isEmpty();
    }

    private static List<String> expressions(OperationOutcome.OperationOutcomeIssueComponent issue) {
        return issue.getExpression().stream().map(StringType::getValue).toList();
    }

    private OperationOutcome rejection(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        try {
            client.create().resource(resource).execute();
        } catch (UnprocessableEntityException expected) {
            assertThat(expected.getStatusCode()).isEqualTo(422);
            return (OperationOutcome) expected.getOperationOutcome();
        }
        throw new AssertionError("expected 422 for " + resource.fhirType());
    }

    private static Bundle gpSubmission(String localId, QuestionnaireResponse response) {
        var patient = new Patient();
        patient.addIdentifier()
                .setSystem("https://gp.example.org/fhir/sid/local-patient-id")
                .setValue(localId);
        response.setSubject(new Reference("urn:uuid:" + localId));

        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + localId)
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient")
                .setIfNoneExist("identifier=https://gp.example.org/fhir/sid/local-patient-id|" + localId);
        bundle.addEntry()
                .setResource(response)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("QuestionnaireResponse")
                .setIfNoneExist("identifier=" + response.getIdentifier().getSystem() + "|"
                        + response.getIdentifier().getValue());
        return bundle;
    }
}
