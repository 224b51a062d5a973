package org.safeguardfhir.routes.screening;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/** Changes one answer of a shipped example response, as an amendment would, wherever the item is nested. */
public final class ScreeningResponses {

    private ScreeningResponses() {}

    /** Replaces the item's answers with one Coding, adding the item to its group when the example lacks it. */
    public static void answer(
            QuestionnaireResponse response, String linkId, String system, String code, String display) {
        QuestionnaireResponseItemComponent item = find(response.getItem(), linkId)
                .orElseGet(() -> group(response, linkId).addItem().setLinkId(linkId));
        item.getAnswer().clear();
        item.addAnswer().setValue(new Coding(system, code, display));
    }

    /** Removes every answer to the item. */
    public static void removeAnswers(QuestionnaireResponse response, String linkId) {
        find(response.getItem(), linkId).ifPresent(item -> item.getAnswer().clear());
    }

    private static QuestionnaireResponseItemComponent group(QuestionnaireResponse response, String linkId) {
        String parent = linkId.substring(0, linkId.lastIndexOf('.'));
        return find(response.getItem(), parent).orElseGet(() -> response.addItem()
                .setLinkId(parent.substring(0, parent.indexOf('.') < 0 ? parent.length() : parent.indexOf('.'))));
    }

    private static Optional<QuestionnaireResponseItemComponent> find(
            List<QuestionnaireResponseItemComponent> items, String linkId) {
        for (QuestionnaireResponseItemComponent item : items) {
            if (linkId.equals(item.getLinkId())) {
                return Optional.of(item);
            }
            Optional<QuestionnaireResponseItemComponent> nested = find(item.getItem(), linkId);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}
