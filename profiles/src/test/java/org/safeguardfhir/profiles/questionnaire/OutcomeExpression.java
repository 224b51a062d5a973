package org.safeguardfhir.profiles.questionnaire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.safeguardfhir.profiles.sdc.SdcExpressions;

/**
 * The calculated {@code outcome} item of a screening Questionnaire: its SDC variables and calculatedExpression,
 * evaluated with {@link SdcExpressions} against a QuestionnaireResponse, as an SDC form filler would, with
 * {@code %resource} bound to the response and each {@code %variable} to the value of its expression.
 */
final class OutcomeExpression {

    static final String OUTCOME_LINK_ID = "outcome";
    static final String CALCULATED_EXPRESSION =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
    static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";

    static final SdcExpressions EXPRESSIONS = new SdcExpressions(ScreeningArtefacts.FHIR);

    private final List<Expression> variables;
    private final Expression calculated;

    private OutcomeExpression(List<Expression> variables, Expression calculated) {
        this.variables = variables;
        this.calculated = calculated;
    }

    static OutcomeExpression of(Questionnaire questionnaire) {
        QuestionnaireItemComponent outcome = ScreeningArtefacts.items(questionnaire).stream()
                .filter(i -> i.getLinkId().equals(OUTCOME_LINK_ID))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome item in " + questionnaire.getUrl()));
        List<Expression> variables = expressions(outcome, VARIABLE);
        List<Expression> calculated = expressions(outcome, CALCULATED_EXPRESSION);
        if (calculated.size() != 1) {
            throw new AssertionError("expected one calculatedExpression, found " + calculated.size());
        }
        return new OutcomeExpression(variables, calculated.get(0));
    }

    /** The variables in order, then the calculatedExpression. */
    List<Expression> all() {
        return Stream.concat(variables.stream(), Stream.of(calculated)).toList();
    }

    Expression calculated() {
        return calculated;
    }

    /** The outcome code the expression calculates for a response. */
    String evaluate(QuestionnaireResponse response) {
        return evaluateCoding(response).getCode();
    }

    /** The outcome the expression calculates, as the Coding a renderer selects. */
    Coding evaluateCoding(QuestionnaireResponse response) {
        Map<String, List<Base>> values = new HashMap<>();
        for (Expression variable : variables) {
            values.put(variable.getName(), EXPRESSIONS.evaluate(response, variable.getExpression(), values));
        }
        List<Base> result = EXPRESSIONS.evaluate(response, calculated.getExpression(), values);
        if (result.size() != 1 || !(result.get(0) instanceof Coding coding)) {
            throw new IllegalStateException("expected one Coding, got " + result);
        }
        return coding;
    }

    private static List<Expression> expressions(QuestionnaireItemComponent item, String url) {
        return item.getExtensionsByUrl(url).stream()
                .map(Extension::getValue)
                .map(Expression.class::cast)
                .toList();
    }
}
