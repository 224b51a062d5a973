package org.safeguardfhir.server.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * Checks that every answer has the type its question asks for, item by item, before HAPI's validator runs: a wrongly
 * typed answer to a question that another item's {@code enableWhen} reads makes HAPI's validator stop with one
 * message that names no item. Each wrong answer is reported with its path and its linkId, so the developer of the
 * form filler can see which one it is.
 */
final class AnswerTypeCheck {

    /** A wrong answer: where it is, its item's linkId, and what was wrong. */
    record WrongAnswer(String path, String linkId, String message) {}

    private static final Map<QuestionnaireItemType, Set<String>> ANSWER_TYPES = Map.ofEntries(
            Map.entry(QuestionnaireItemType.BOOLEAN, Set.of("boolean")),
            Map.entry(QuestionnaireItemType.DECIMAL, Set.of("decimal")),
            Map.entry(QuestionnaireItemType.INTEGER, Set.of("integer")),
            Map.entry(QuestionnaireItemType.DATE, Set.of("date")),
            Map.entry(QuestionnaireItemType.DATETIME, Set.of("dateTime")),
            Map.entry(QuestionnaireItemType.TIME, Set.of("time")),
            Map.entry(QuestionnaireItemType.STRING, Set.of("string")),
            Map.entry(QuestionnaireItemType.TEXT, Set.of("string")),
            Map.entry(QuestionnaireItemType.URL, Set.of("uri")),
            Map.entry(QuestionnaireItemType.CHOICE, Set.of("Coding")),
            Map.entry(QuestionnaireItemType.OPENCHOICE, Set.of("Coding", "string")),
            Map.entry(QuestionnaireItemType.ATTACHMENT, Set.of("Attachment")),
            Map.entry(QuestionnaireItemType.REFERENCE, Set.of("Reference")),
            Map.entry(QuestionnaireItemType.QUANTITY, Set.of("Quantity")));

    private AnswerTypeCheck() {}

    static List<WrongAnswer> check(QuestionnaireResponse response, Questionnaire questionnaire) {
        Map<String, QuestionnaireItemComponent> questions = new HashMap<>();
        index(questionnaire.getItem(), questions);
        List<WrongAnswer> wrong = new ArrayList<>();
        check(response.getItem(), "QuestionnaireResponse", questions, wrong);
        return wrong;
    }

    private static void check(
            List<QuestionnaireResponseItemComponent> items,
            String parent,
            Map<String, QuestionnaireItemComponent> questions,
            List<WrongAnswer> wrong) {
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            String path = parent + ".item[" + i + "]";
            var question = questions.get(item.getLinkId());
            for (int a = 0; a < item.getAnswer().size(); a++) {
                QuestionnaireResponseItemAnswerComponent answer =
                        item.getAnswer().get(a);
                String answerPath = path + ".answer[" + a + "]";
                if (question != null && answer.hasValue()) {
                    Set<String> expected = ANSWER_TYPES.get(question.getType());
                    String actual = answer.getValue().fhirType();
                    if (expected != null && !expected.contains(actual)) {
                        wrong.add(new WrongAnswer(
                                answerPath,
                                item.getLinkId(),
                                "The item '" + item.getLinkId() + "' is a "
                                        + question.getType().toCode()
                                        + " question; its answer must be value"
                                        + capitalise(expected.iterator().next())
                                        + ", not value" + capitalise(actual)));
                    }
                }
                check(answer.getItem(), answerPath, questions, wrong);
            }
            check(item.getItem(), path, questions, wrong);
        }
    }

    private static void index(List<QuestionnaireItemComponent> items, Map<String, QuestionnaireItemComponent> into) {
        for (var item : items) {
            into.put(item.getLinkId(), item);
            index(item.getItem(), into);
        }
    }

    private static String capitalise(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
