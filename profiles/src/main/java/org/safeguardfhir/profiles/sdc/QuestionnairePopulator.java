package org.safeguardfhir.profiles.sdc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * SDC expression-based population: a QuestionnaireResponse with the answers that the Questionnaire's
 * {@code initialExpression}s compute from the {@code patient} launch context, for clients that cannot evaluate
 * FHIRPath. It reads the same expressions a renderer reads, so both pre-fill the same answers; items left empty are
 * the clinician's to answer, and the response stays {@code in-progress}.
 */
public final class QuestionnairePopulator {

    public static final String INITIAL_EXPRESSION =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression";
    static final String PATIENT = "patient";

    private final SdcExpressions expressions;

    public QuestionnairePopulator(SdcExpressions expressions) {
        this.expressions = expressions;
    }

    public QuestionnaireResponse populate(Questionnaire questionnaire, Patient patient, Reference subject) {
        var response = new QuestionnaireResponse()
                .setQuestionnaire(
                        questionnaire.getUrl() + (questionnaire.hasVersion() ? "|" + questionnaire.getVersion() : ""))
                .setStatus(QuestionnaireResponseStatus.INPROGRESS)
                .setSubject(subject);
        response.setLanguage(questionnaire.getLanguage());
        Map<String, List<Base>> context = new HashMap<>();
        context.put(PATIENT, List.of(patient));
        context.put("resource", List.of(response));
        addVariables(questionnaire.getExtensionsByUrl(LanguageVariants.VARIABLE), response, context);
        response.getItem().addAll(populate(questionnaire.getItem(), response, context));
        return response;
    }

    private List<QuestionnaireResponseItemComponent> populate(
            List<QuestionnaireItemComponent> items, QuestionnaireResponse response, Map<String, List<Base>> context) {
        List<QuestionnaireResponseItemComponent> populated = new ArrayList<>();
        for (QuestionnaireItemComponent item : items) {
            Map<String, List<Base>> scope = new HashMap<>(context);
            addVariables(item.getExtensionsByUrl(LanguageVariants.VARIABLE), response, scope);
            var answerItem = new QuestionnaireResponseItemComponent().setLinkId(item.getLinkId());
            answerItem.setText(item.getText());
            for (Base value : initialValues(item, response, scope)) {
                if (value instanceof Type type) {
                    answerItem.addAnswer().setValue(type);
                }
            }
            answerItem.getItem().addAll(populate(item.getItem(), response, scope));
            if (answerItem.hasAnswer() || answerItem.hasItem()) {
                populated.add(answerItem);
            }
        }
        return populated;
    }

    private List<Base> initialValues(
            QuestionnaireItemComponent item, QuestionnaireResponse response, Map<String, List<Base>> scope) {
        Extension initial = item.getExtensionByUrl(INITIAL_EXPRESSION);
        if (initial == null || !(initial.getValue() instanceof Expression expression)) {
            return List.of();
        }
        List<Base> values = expressions.evaluate(response, expression.getExpression(), scope);
        return item.getRepeats() || values.size() <= 1 ? values : values.subList(0, 1);
    }

    private void addVariables(
            List<Extension> variables, QuestionnaireResponse response, Map<String, List<Base>> scope) {
        for (Extension variable : variables) {
            if (variable.getValue() instanceof Expression expression && expression.hasName()) {
                scope.put(expression.getName(), expressions.evaluate(response, expression.getExpression(), scope));
            }
        }
    }
}
