package org.safeguardfhir.profiles.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example response conforms to the Questionnaire it answers, as HAPI's instance validator checks it (answer
 * types and codes, enableWhen, required items), and a broken copy of an example fails on the item that is wrong.
 */
class ResponseValidationTest {

    /** The deepest {@code item[n]} step of a validation message's location. */
    private static final Pattern ITEM_PATH = Pattern.compile("^(.*item\\[\\d+])");

    static Stream<Named<Path>> responses() {
        return ScreeningArtefacts.namedResponseFiles();
    }

    @ParameterizedTest
    @MethodSource("responses")
    void exampleValidatesWithoutErrorsAgainstItsQuestionnaire(Path file) {
        QuestionnaireResponse response = (QuestionnaireResponse) ScreeningArtefacts.parse(file);

        List<SingleValidationMessage> errors = ScreeningValidation.errors(response);

        assertThat(file.getFileName()).hasToString("QuestionnaireResponse-" + response.getIdPart() + ".json");
        assertThat(ScreeningArtefacts.questionnaireOf(response)).isNotNull();
        assertThat(errors).as(ScreeningValidation.describe(errors)).isEmpty();
    }

    @Test
    void examplesCoverEveryOutcomeBothScreensAndAnAmendment() {
        List<QuestionnaireResponse> examples = ScreeningArtefacts.responseFiles().stream()
                .map(f -> (QuestionnaireResponse) ScreeningArtefacts.parse(f))
                .toList();

        assertThat(examples)
                .extracting(r -> Responses.answerCode(r, OutcomeExpression.OUTCOME_LINK_ID))
                .contains("negative", "positive", "high-risk", "immediate-danger");
        assertThat(examples)
                .extracting(r -> r.getQuestionnaire().split("\\|")[0])
                .contains(ScreeningArtefacts.ADULT, ScreeningArtefacts.CHILD);
        assertThat(examples).extracting(QuestionnaireResponse::getStatus).contains(QuestionnaireResponseStatus.AMENDED);
        assertThat(examples).extracting(r -> r.getIdentifier().getValue()).doesNotHaveDuplicates();
    }

    @Test
    void rejectsAnAnswerCodeOutsideTheItemsValueSet() {
        // "declined" is a code of the screening-answer code system, but not of the item's yes-no-unsure value set.
        QuestionnaireResponse broken = Responses.withAnswer(
                ScreeningArtefacts.response("adult-screening-positive"), "danger.immediate", "declined");

        assertThat(errorItems(broken)).contains("danger.immediate");
    }

    @Test
    void rejectsACompletedResponseWithoutARequiredAnswer() {
        QuestionnaireResponse broken =
                Responses.withoutItem(ScreeningArtefacts.response("adult-screening-positive"), "context.interpreter");

        List<SingleValidationMessage> errors = ScreeningValidation.errors(broken);

        assertThat(errors).as(ScreeningValidation.describe(errors)).anySatisfy(e -> {
            assertThat(e.getMessage()).contains("context.interpreter");
            assertThat(itemAt(broken, e)).hasValue("context");
        });
    }

    @Test
    void rejectsAnAnswerToAnItemThatIsNotEnabled() {
        QuestionnaireResponse broken = ScreeningArtefacts.response("adult-screening-positive-duty-to-notify");
        assertThat(Responses.answerCode(broken, "contact.safe-to-call")).isEqualTo("no");
        List<QuestionnaireResponseItemComponent> contact =
                Responses.item(broken, "contact").getItem();
        int safeToCall = contact.indexOf(Responses.item(broken, "contact.safe-to-call"));
        contact.add(
                safeToCall + 1,
                new QuestionnaireResponseItemComponent(new StringType("contact.phone"))
                        .setText("Number on which it is safe to phone")
                        .addAnswer(new QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent()
                                .setValue(new StringType("07700 900999"))));

        assertThat(errorItems(broken)).contains("contact.phone");
    }

    /** The linkIds of the items that error messages are located at. */
    private static List<String> errorItems(QuestionnaireResponse response) {
        List<SingleValidationMessage> errors = ScreeningValidation.errors(response);
        assertThat(errors).as("errors").isNotEmpty();
        return errors.stream()
                .map(e -> itemAt(response, e))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The linkId of the response item a message's location points into, if it points into one. */
    private static Optional<String> itemAt(QuestionnaireResponse response, SingleValidationMessage message) {
        Matcher path = ITEM_PATH.matcher(String.valueOf(message.getLocationString()));
        if (!path.find()) {
            return Optional.empty();
        }
        return ScreeningArtefacts.FHIR
                .newFhirPath()
                .evaluateFirst(response, path.group(1), QuestionnaireResponseItemComponent.class)
                .map(QuestionnaireResponseItemComponent::getLinkId);
    }
}
