package org.safeguardfhir.profiles.questionnaire;

import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/** Finds and edits the items of a QuestionnaireResponse by linkId, on copies, to build test variants. */
final class Responses {

    private Responses() {}

    static QuestionnaireResponseItemComponent item(QuestionnaireResponse response, String linkId) {
        return flatten(response.getItem())
                .filter(i -> i.getLinkId().equals(linkId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + linkId));
    }

    /** The code of the single coded answer to an item. */
    static String answerCode(QuestionnaireResponse response, String linkId) {
        return item(response, linkId).getAnswerFirstRep().getValueCoding().getCode();
    }

    /** A copy whose item {@code linkId} has one coded answer with {@code code}, in the system it had. */
    static QuestionnaireResponse withAnswer(QuestionnaireResponse response, String linkId, String code) {
        QuestionnaireResponse copy = response.copy();
        QuestionnaireResponseItemComponent item = item(copy, linkId);
        item.getAnswerFirstRep().getValueCoding().setCode(code).setDisplay(null);
        item.getAnswer().subList(1, item.getAnswer().size()).clear();
        return copy;
    }

    /** A copy in which item {@code linkId} has no answers left. */
    static QuestionnaireResponse withoutAnswers(QuestionnaireResponse response, String linkId) {
        QuestionnaireResponse copy = response.copy();
        item(copy, linkId).getAnswer().clear();
        return copy;
    }

    /** A copy without item {@code linkId}, wherever it is nested. */
    static QuestionnaireResponse withoutItem(QuestionnaireResponse response, String linkId) {
        QuestionnaireResponse copy = response.copy();
        if (!remove(copy.getItem(), linkId)) {
            throw new AssertionError("no item " + linkId);
        }
        return copy;
    }

    private static Stream<QuestionnaireResponseItemComponent> flatten(List<QuestionnaireResponseItemComponent> items) {
        return items.stream().flatMap(i -> Stream.concat(Stream.of(i), flatten(i.getItem())));
    }

    private static boolean remove(List<QuestionnaireResponseItemComponent> items, String linkId) {
        return items.removeIf(i -> i.getLinkId().equals(linkId))
                || items.stream().anyMatch(i -> remove(i.getItem(), linkId));
    }
}
