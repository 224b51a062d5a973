package org.safeguardfhir.server.sdc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguardfhir.server.screening.Screenings;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.Http;
import org.safeguardfhir.server.support.TestTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our screening Questionnaires in an off-the-shelf SDC renderer: LHC-Forms (lforms 40.1.3, unmodified) in Debian's
 * headless Chromium, talking to the server under test through a same-origin proxy. A clinician's answers are clicked
 * in the rendered form, and the renderer's own QuestionnaireResponse is submitted exactly as it produced it: the
 * server must take what a standard SDC client sends, not only what our own examples look like.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdcRendererIT {

    static final String ADULT = "https://safeguardfhir.org/fhir/Questionnaire/trafficking-screening-adult";
    static final String ADULT_NB = "https://safeguardfhir.org/fhir/Questionnaire/trafficking-screening-adult-nb";
    static final String CHILD = "https://safeguardfhir.org/fhir/Questionnaire/trafficking-screening-child";

    private static final Logger log = LoggerFactory.getLogger(SdcRendererIT.class);

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    /** The page acts for a GP submitting a screening; only a lead may read what the pipeline made of it. */
    final String gpToken = TestTokens.forRoles(Role.GP_SUBMITTER);

    final String leadToken = TestTokens.forRoles(Role.SAFEGUARDING_LEAD);

    RendererPage page;
    RendererBrowser browser;

    @BeforeAll
    void start() {
        page = RendererPage.start(port);
        browser = RendererBrowser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (page != null) {
            page.close();
        }
    }

    @Test
    void renderersOwnAdultResponseIsAcceptedAndReferred() throws Exception {
        String patientId = patient("1990-05-01", null);
        var questionnaire = ServedQuestionnaire.find(client, ADULT);
        var form = ScreeningForm.render(browser.driver(), page, ADULT, patientId, gpToken);

        choose(form, questionnaire, "context.accompanied-by", "no-one");
        choose(form, questionnaire, "context.interpreter", "none-needed");
        form.answer("context.seen-alone", true).awaitShown("private.documents");
        choose(form, questionnaire, "private.documents", "yes");
        choose(form, questionnaire, "private.movement", "yes");
        choose(form, questionnaire, "danger.immediate", "no");
        form.answer("consent.explained", true);
        choose(form, questionnaire, "consent.wants-help", "yes");
        choose(form, questionnaire, "consent.uk.nrm", "yes");
        choose(form, questionnaire, "contact.safe-to-call", "no");
        form.type("contact.instructions", "No voicemail messages");
        browser.screenshot("adult-high-risk");

        String rendered = form.response();
        log.info("LHC-Forms' QuestionnaireResponse for the adult screening: {}", rendered);
        assertThat(answers(parse(rendered)))
                .containsEntry("context.accompanied-by", List.of("no-one"))
                .containsEntry("context.interpreter", List.of("none-needed"))
                .containsEntry("context.seen-alone", List.of("true"))
                .containsEntry("private.documents", List.of("yes"))
                .containsEntry("private.movement", List.of("yes"))
                .containsEntry("danger.immediate", List.of("no"))
                .containsEntry("consent.uk.nrm", List.of("yes"))
                .containsEntry("contact.instructions", List.of("No voicemail messages"));

        String responseId = submit(rendered);
        assertThat(answers(read("QuestionnaireResponse/" + responseId)).get("outcome"))
                .as("stored outcome")
                .containsExactly("high-risk");
        assertThat(tasksFor(patientId))
                .as("referral Tasks for Patient/" + patientId)
                .isNotEmpty();
    }

    @Test
    void renderersOwnChildResponseIsAcceptedAndReferred() throws Exception {
        String patientId = patient("2012-02-02", null);
        var questionnaire = ServedQuestionnaire.find(client, CHILD);
        var form = ScreeningForm.render(browser.driver(), page, CHILD, patientId, gpToken);

        choose(form, questionnaire, "context.accompanied-by", "parent-or-carer");
        form.answer("context.companion-speaks", false);
        choose(form, questionnaire, "context.interpreter", "none-needed");
        form.answer("context.seen-alone", true).awaitShown("private.forced-work");
        choose(form, questionnaire, "private.forced-work", "yes");
        choose(form, questionnaire, "danger.immediate", "no");
        choose(form, questionnaire, "referral.referred", "yes");
        browser.screenshot("child-positive");

        String rendered = form.response();
        log.info("LHC-Forms' QuestionnaireResponse for the child screening: {}", rendered);
        assertThat(answers(parse(rendered)))
                .containsEntry("context.accompanied-by", List.of("parent-or-carer"))
                .containsEntry("context.companion-speaks", List.of("false"))
                .containsEntry("context.seen-alone", List.of("true"))
                .containsEntry("private.forced-work", List.of("yes"))
                .containsEntry("danger.immediate", List.of("no"));

        String responseId = submit(rendered);
        assertThat(answers(read("QuestionnaireResponse/" + responseId)).get("outcome"))
                .as("stored outcome")
                .containsExactly("positive");
        assertThat(tasksFor(patientId))
                .as("referral Tasks for Patient/" + patientId)
                .isNotEmpty();
    }

    @Test
    void norwegianVariantRendersInNorwegian() {
        String patientId = patient("1990-05-01", null);
        var form = ScreeningForm.render(browser.driver(), page, ADULT_NB, patientId, gpToken);
        browser.screenshot("adult-nb");

        assertThat(form.text()).contains("Hvem kom sammen med pasienten i dag?");
    }

    @Test
    void childFormIsPrefilledFromThePatientRecord() {
        // A child with a preferred language other than the form's: the record answers the age and interpreter
        // questions before the clinician does.
        String patientId = patient("2012-06-01", "pl");
        var questionnaire = ServedQuestionnaire.find(client, CHILD);
        List<String> prefilled = questionnaire.prefilledLinkIds();
        assertThat(prefilled)
                .as("items of " + CHILD + " with an " + ServedQuestionnaire.INITIAL_EXPRESSION)
                .isNotEmpty();

        var form = ScreeningForm.render(browser.driver(), page, CHILD, patientId, gpToken);
        // Seeing the child alone opens the private section, so that pre-filled items in it are shown too.
        form.answer("context.seen-alone", true);
        browser.screenshot("child-prefilled");

        Map<String, List<String>> answers = answers(parse(form.response()));
        for (String linkId : prefilled) {
            log.info("pre-filled {}: {} (shown as {})", linkId, answers.get(linkId), form.shownAnswer(linkId));
            assertThat(answers.get(linkId))
                    .as("renderer's answer to pre-filled " + linkId)
                    .isNotEmpty();
            assertThat(form.shownAnswer(linkId))
                    .as("answer shown for pre-filled " + linkId)
                    .isNotEmpty();
        }
    }

    /** Clicks the answer with this code, by the label the form shows for it. */
    private static void choose(ScreeningForm form, ServedQuestionnaire questionnaire, String linkId, String code) {
        form.choose(linkId, questionnaire.label(linkId, code));
    }

    /** Posts the renderer's response exactly as it came, as the GP; returns its id once the pipeline is done. */
    private String submit(String rendered) throws Exception {
        HttpResponse<String> created = Http.post(port, gpToken, "QuestionnaireResponse", rendered);
        assertThat(created.statusCode())
                .withFailMessage(
                        "the server answered %s to LHC-Forms' own QuestionnaireResponse:%n%s",
                        created.statusCode(), issues(created.body()))
                .isEqualTo(201);
        // The server answers a create with its Location and no body unless asked (Prefer: return=representation).
        String id = new org.hl7.fhir.r4.model.IdType(
                        created.headers().firstValue("Location").orElseThrow())
                .getIdPart();
        new Screenings(client, jdbc).awaitProcessed(id);
        return id;
    }

    /** An OperationOutcome's issues, one a line; any other body as it is. */
    private static String issues(String body) {
        try {
            var outcome = FhirClients.context().newJsonParser().parseResource(OperationOutcome.class, body);
            return outcome.getIssue().stream()
                    .map(issue -> "  " + issue.getSeverity().toCode() + " at "
                            + issue.getExpression().stream()
                                    .map(PrimitiveType::getValue)
                                    .toList() + ": " + issue.getDiagnostics())
                    .collect(Collectors.joining(System.lineSeparator()));
        } catch (RuntimeException notAnOutcome) {
            return body;
        }
    }

    private List<IBaseResource> tasksFor(String patientId) throws Exception {
        HttpResponse<String> found = Http.get(port, leadToken, "Task?patient=Patient/" + patientId);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return FhirClients.context().newJsonParser().parseResource(Bundle.class, found.body()).getEntry().stream()
                .map(entry -> (IBaseResource) entry.getResource())
                .toList();
    }

    private QuestionnaireResponse read(String path) throws Exception {
        HttpResponse<String> found = Http.get(port, leadToken, path);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return parse(found.body());
    }

    private String patient(String birthDate, String preferredLanguage) {
        var patient = new Patient()
                .addIdentifier(new Identifier()
                        .setSystem("https://gp.example.org/fhir/sid/local-patient-id")
                        .setValue(UUID.randomUUID().toString()))
                .setBirthDateElement(new DateType(birthDate));
        if (preferredLanguage != null) {
            patient.addCommunication()
                    .setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", preferredLanguage, null)))
                    .setPreferred(true);
        }
        return client.create().resource(patient).execute().getId().getIdPart();
    }

    private static QuestionnaireResponse parse(String json) {
        return FhirClients.context().newJsonParser().parseResource(QuestionnaireResponse.class, json);
    }

    /** Each answered item's answers, as codes for codings and as their text for other values, by linkId. */
    static Map<String, List<String>> answers(QuestionnaireResponse response) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        collect(response.getItem(), answers);
        return answers;
    }

    private static void collect(List<QuestionnaireResponseItemComponent> items, Map<String, List<String>> answers) {
        for (var item : items) {
            if (item.hasAnswer()) {
                answers.put(
                        item.getLinkId(),
                        item.getAnswer().stream()
                                .map(answer -> answer.getValue() instanceof Coding coding
                                        ? coding.getCode()
                                        : ((PrimitiveType<?>) answer.getValue()).getValueAsString())
                                .toList());
            }
            collect(item.getItem(), answers);
            item.getAnswer().forEach(answer -> collect(answer.getItem(), answers));
        }
    }
}
