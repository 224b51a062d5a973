package org.safeguardfhir.server.sdc;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * A Questionnaire as the server under test serves it, read at test time so that the tests follow the shipped form
 * rather than a copy: which labels its answer lists show, and which items it pre-fills.
 */
final class ServedQuestionnaire {

    static final String INITIAL_EXPRESSION =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression";

    private final IGenericClient client;
    private final Questionnaire questionnaire;

    private ServedQuestionnaire(IGenericClient client, Questionnaire questionnaire) {
        this.client = client;
        this.questionnaire = questionnaire;
    }

    static ServedQuestionnaire find(IGenericClient client, String url) {
        var found = client.search()
                .forResource(Questionnaire.class)
                .where(Questionnaire.URL.matches().value(url))
                .returnBundle(Bundle.class)
                .execute();
        if (found.getEntry().size() != 1) {
            throw new AssertionError(found.getEntry().size() + " Questionnaires with url " + url + " on the server");
        }
        return new ServedQuestionnaire(
                client, (Questionnaire) found.getEntryFirstRep().getResource());
    }

    /** The label the item's answer list shows for {@code code}, from the server's expansion of its value set. */
    String label(String linkId, String code) {
        var item = item(linkId).orElseThrow(() -> new AssertionError("no item " + linkId + " in " + url()));
        if (!item.hasAnswerValueSet()) {
            throw new AssertionError(linkId + " has no answerValueSet");
        }
        ValueSet expansion = client.operation()
                .onType(ValueSet.class)
                .named("$expand")
                .withParameter(Parameters.class, "url", new UriType(item.getAnswerValueSet()))
                .returnResourceType(ValueSet.class)
                .useHttpGet()
                .execute();
        return expansion.getExpansion().getContains().stream()
                .filter(concept -> code.equals(concept.getCode()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not in " + item.getAnswerValueSet()))
                .getDisplay();
    }

    /** The linkIds of the items that carry an SDC initialExpression. */
    List<String> prefilledLinkIds() {
        List<String> linkIds = new ArrayList<>();
        items(questionnaire.getItem())
                .filter(item -> item.hasExtension(INITIAL_EXPRESSION))
                .forEach(item -> linkIds.add(item.getLinkId()));
        return linkIds;
    }

    String url() {
        return questionnaire.getUrl();
    }

    private Optional<QuestionnaireItemComponent> item(String linkId) {
        return items(questionnaire.getItem())
                .filter(item -> linkId.equals(item.getLinkId()))
                .findFirst();
    }

    private static Stream<QuestionnaireItemComponent> items(List<QuestionnaireItemComponent> items) {
        return items.stream().flatMap(item -> Stream.concat(Stream.of(item), items(item.getItem())));
    }
}
