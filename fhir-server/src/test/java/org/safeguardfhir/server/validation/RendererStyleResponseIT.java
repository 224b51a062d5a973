package org.safeguardfhir.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an off-the-shelf SDC renderer sends is accepted, completed by the server, and still validated: no business
 * identifier, no author, no calculated outcome, LHC-Forms' {@code meta}. Wrong answers are still refused, with issues
 * that name the item.
 */
@FhirServerIntegrationTest
class RendererStyleResponseIT {

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    ScreeningFixtures fixtures;

    @BeforeEach
    void connect() {
        fixtures = new ScreeningFixtures(client);
    }

    @Test
    void acceptsARendererResponseAndCompletesItFromTheToken() throws Exception {
        String token = TestTokens.sign(TestTokens.claims(Role.GP_SUBMITTER)
                .claim("fhirUser", "Practitioner/gp-42")
                .build());

        var created = Http.post(port, token, "QuestionnaireResponse", json(rendererStyle()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var stored = read(created.headers().firstValue("Location").orElseThrow());
        assertThat(stored.getIdentifier().getSystem()).isEqualTo("urn:ietf:rfc:3986");
        assertThat(stored.getIdentifier().getValue()).startsWith("urn:uuid:");
        assertThat(stored.getAuthor().getType()).isEqualTo("Practitioner");
        assertThat(stored.getAuthor().getIdentifier().getSystem())
                .isEqualTo("https://safeguardfhir.org/fhir/sid/fhir-user");
        assertThat(stored.getAuthor().getIdentifier().getValue()).isEqualTo("Practitioner/gp-42");
        assertThat(outcome(stored)).isEqualTo("positive");
        assertThat(stored.getMeta().getProfile())
                .extracting(p -> p.getValue())
                .doesNotContain("http://hl7.org/fhir/4.0/StructureDefinition/QuestionnaireResponse");
    }

    @Test
    void recordsTheOAuthClientWhenTheTokenNamesNoUser() throws Exception {
        String token = TestTokens.sign(TestTokens.claims(Role.GP_SUBMITTER)
                .claim("azp", "gp-forms-app")
                .build());

        var created = Http.post(port, token, "QuestionnaireResponse", json(rendererStyle()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var author =
                read(created.headers().firstValue("Location").orElseThrow()).getAuthor();
        assertThat(author.getType()).isEqualTo("Device");
        assertThat(author.getIdentifier().getSystem()).isEqualTo("https://safeguardfhir.org/fhir/sid/oauth-client");
        assertThat(author.getIdentifier().getValue()).isEqualTo("gp-forms-app");
    }

    @Test
    void keepsAnEhrsOwnIdentifierAndMatchesItOnConditionalCreate() throws Exception {
        var response = fixtures.response();
        String value = UUID.randomUUID().toString();
        response.getIdentifier().setValue(value);
        String condition = "identifier=" + response.getIdentifier().getSystem() + "|" + value;

        var first = client.create()
                .resource(response)
                .conditionalByUrl("QuestionnaireResponse?" + condition)
                .execute();
        var second = client.create()
                .resource(response)
                .conditionalByUrl("QuestionnaireResponse?" + condition)
                .execute();

        assertThat(first.getCreated()).isTrue();
        assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        var stored = client.read()
                .resource(QuestionnaireResponse.class)
                .withId(first.getId())
                .execute();
        assertThat(stored.getIdentifier().getValue()).isEqualTo(value);
    }

    @Test
    void serverComputesTheOutcomeWhateverLowerValueTheClientSent() throws Exception {
        var response = rendererStyle();
        var outcomeItem = response.addItem().setLinkId("outcome");
        outcomeItem
                .addAnswer()
                .setValue(new Coding("https://safeguardfhir.org/fhir/CodeSystem/screening-outcome", "negative", null));

        var created = Http.post(port, TestTokens.superuser(), "QuestionnaireResponse", json(response));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(outcome(read(created.headers().firstValue("Location").orElseThrow())))
                .isEqualTo("positive");
    }

    @Test
    void wronglyTypedAnswerIs422NamingTheItemByPathAndLinkId() throws Exception {
        var response = rendererStyle();
        var seenAlone = find(response.getItem(), "context.seen-alone");
        seenAlone.getAnswer().clear();
        seenAlone.addAnswer().setValue(new StringType("yes"));

        var rejected = Http.post(port, TestTokens.superuser(), "QuestionnaireResponse", json(response));

        assertThat(rejected.statusCode()).isEqualTo(422);
        var outcome = parse(rejected.body(), OperationOutcome.class);
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getExpression().get(0).getValue())
                    .matches("QuestionnaireResponse\\.item\\[\\d+]\\.item\\[\\d+]\\.answer\\[0]");
            assertThat(issue.getLocation().get(0).getValue())
                    .isEqualTo(issue.getExpression().get(0).getValue());
            assertThat(issue.getDiagnostics()).contains("context.seen-alone").contains("valueBoolean");
        });
    }

    @Test
    void everyErrorOfARejectedScreeningNamesItsElement() throws Exception {
        var response = rendererStyle();
        ScreeningFixtures.firstCodedAnswer(response).getValueCoding().setCode("not-a-code");
        response.setSubject(null);

        var rejected = Http.post(port, TestTokens.superuser(), "QuestionnaireResponse", json(response));

        assertThat(rejected.statusCode()).isEqualTo(422);
        var errors = parse(rejected.body(), OperationOutcome.class).getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .toList();
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2).allSatisfy(issue -> {
            assertThat(issue.getExpression()).isNotEmpty();
            assertThat(issue.getLocation()).isNotEmpty();
        });
        assertThat(errors)
                .anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("(item '"))
                .anySatisfy(issue ->
                        assertThat(issue.getExpression().get(0).getValue()).contains("subject"));
    }

    @Test
    void aTagWithoutASystemIsNoError() throws Exception {
        var response = rendererStyle();
        response.getMeta().addTag().setCode("lformsVersion: 40.1.3");

        var created = Http.post(port, TestTokens.superuser(), "QuestionnaireResponse", json(response));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** A positive adult screen as LHC-Forms produces it: no identifier, author or outcome, and LHC-Forms' meta. */
    private QuestionnaireResponse rendererStyle() {
        var response = fixtures.storable(org.safeguardfhir.server.support.PackageExamples.example(
                QuestionnaireResponse.class, "adult-screening-positive"));
        response.setIdentifier(null);
        response.setAuthor(null);
        removeOutcome(response.getItem());
        response.getMeta().getProfile().clear();
        response.getMeta().getSecurity().clear();
        response.getMeta().addProfile("http://hl7.org/fhir/4.0/StructureDefinition/QuestionnaireResponse");
        response.getMeta().addTag().setCode("lformsVersion: 40.1.3");
        return response;
    }

    private static void removeOutcome(List<QuestionnaireResponseItemComponent> items) {
        items.removeIf(item -> "outcome".equals(item.getLinkId()));
        items.forEach(item -> removeOutcome(item.getItem()));
    }

    private static QuestionnaireResponseItemComponent find(
            List<QuestionnaireResponseItemComponent> items, String linkId) {
        for (var item : items) {
            if (item.getLinkId().equals(linkId)) {
                return item;
            }
            var nested = find(item.getItem(), linkId);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static String outcome(QuestionnaireResponse response) {
        var item = find(response.getItem(), "outcome");
        assertThat(item).as("the stored response has an outcome item").isNotNull();
        return item.getAnswerFirstRep().getValueCoding().getCode();
    }

    private QuestionnaireResponse read(String location) {
        return client.read()
                .resource(QuestionnaireResponse.class)
                .withUrl(location)
                .execute();
    }

    private static String json(QuestionnaireResponse response) {
        return FhirClients.context().newJsonParser().encodeResourceToString(response);
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(String body, Class<T> type) {
        return FhirClients.context().newJsonParser().parseResource(type, body);
    }
}
