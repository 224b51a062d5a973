package org.safeguardfhir.server.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.screening.Screenings;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A screen alone records no suspicion; the safeguarding lead does, with {@code $confirm-concern}, and is recorded as
 * the one who did. Nobody else may label a person.
 */
@FhirServerIntegrationTest
class ConcernConfirmationIT {

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Screenings screenings;

    @BeforeEach
    void setUp() {
        screenings = new Screenings(client, jdbc);
    }

    @Test
    void theLeadsConfirmationRecordsAProvisionalSuspicionWithTheLeadAsRecorderAndNoUsCode() {
        String id = screened();
        IGenericClient lead = FhirClients.forPort(
                port,
                TestTokens.sign(TestTokens.claims(Role.SAFEGUARDING_LEAD)
                        .claim("fhirUser", "Practitioner/lead-1")
                        .build()));

        Bundle recorded = confirm(lead, id, new Parameters());

        assertThat(conditions(recorded)).singleElement().satisfies(condition -> {
            assertThat(condition.getVerificationStatus().getCodingFirstRep().getCode())
                    .isEqualTo("provisional");
            assertThat(condition.getCode().getCoding())
                    .extracting(Coding::getCode)
                    .containsExactly("labour");
            assertThat(condition.getRecorder().getIdentifier().getValue()).isEqualTo("Practitioner/lead-1");
            assertThat(condition.getAsserter().getIdentifier().getValue()).isEqualTo("Practitioner/lead-1");
            assertThat(condition.getMeta().getSecurity())
                    .extracting(Coding::getCode)
                    .containsExactlyInAnyOrder("R", "HT");
        });
    }

    @Test
    void confirmingAgainUpdatesTheSameConditionAndTheLeadMayNameTheForms() {
        String id = screened();
        var sexual = new Parameters();
        sexual.addParameter().setName("exploitationType").setValue(new CodeType("sexual"));
        sexual.addParameter().setName("note").setValue(new StringType("Disclosed in a second appointment"));

        confirm(client, id, new Parameters());
        Bundle second = confirm(client, id, sexual);
        confirm(client, id, sexual);

        assertThat(conditions(second)).singleElement().satisfies(condition -> {
            assertThat(condition.getMeta().getSecurity())
                    .extracting(Coding::getCode)
                    .contains("SDV");
            assertThat(condition.getNoteFirstRep().getText()).isEqualTo("Disclosed in a second appointment");
        });
        assertThat(screenings.search(Condition.class, "evidence-detail=QuestionnaireResponse/" + id))
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("labour", "sexual");
    }

    @Test
    void aClinicianMayNotRecordASuspicion() {
        String id = screened();
        IGenericClient clinician = FhirClients.forPort(port, TestTokens.forRoles(Role.CLINICIAN));

        assertThatThrownBy(() -> confirm(clinician, id, new Parameters()))
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(screenings.search(Condition.class, "evidence-detail=QuestionnaireResponse/" + id))
                .isEmpty();
    }

    @Test
    void anUnknownFormOfExploitationIsA400NamingTheParameterAndStoresNothing() {
        String id = screened();
        var wrong = new Parameters();
        wrong.addParameter().setName("exploitationType").setValue(new CodeType("sexual"));
        wrong.addParameter().setName("exploitationType").setValue(new CodeType("slavery"));

        assertThatThrownBy(() -> confirm(client, id, wrong))
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    var outcome = (OperationOutcome) e.getOperationOutcome();
                    assertThat(outcome.getIssueFirstRep().getExpression())
                            .extracting(StringType::getValue)
                            .containsExactly("Parameters.parameter.where(name = 'exploitationType')");
                });
        assertThat(screenings.search(Condition.class, "evidence-detail=QuestionnaireResponse/" + id))
                .isEmpty();
    }

    private String screened() {
        Reference patient = screenings.patient("1990-05-01");
        String id = screenings.submit(screenings.example("adult-screening-positive", patient));
        screenings.awaitProcessed(id);
        assertThat(screenings.search(Condition.class, "evidence-detail=QuestionnaireResponse/" + id))
                .as("the screen alone records no suspicion")
                .isEmpty();
        return id;
    }

    private static Bundle confirm(IGenericClient caller, String responseId, Parameters parameters) {
        return caller.operation()
                .onInstance(new IdType("QuestionnaireResponse", responseId))
                .named("$confirm-concern")
                .withParameters(parameters)
                .returnResourceType(Bundle.class)
                .execute();
    }

    private static List<Condition> conditions(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> (Condition) entry.getResource())
                .toList();
    }
}
