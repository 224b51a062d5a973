package org.safeguardfhir.routes.screening;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Builds screening responses in code, each answer nested in the group its linkId names (the part before the first
 * dot), as a form filler would, so that tests also exercise the search through nested items.
 */
public final class ScreeningResponse {

    public static final String ADULT = Canonicals.of("Questionnaire", "trafficking-screening-adult") + "|0.1.0";
    public static final String CHILD = Canonicals.of("Questionnaire", "trafficking-screening-child") + "|0.1.0";
    /** The rules compare codes without their system, so every coded answer here uses this one. */
    static final String ANSWER_SYSTEM = Canonicals.codeSystem(Canonicals.SCREENING_ANSWER);

    private final QuestionnaireResponse response = new QuestionnaireResponse();

    private ScreeningResponse(String questionnaire) {
        response.setQuestionnaire(questionnaire);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setAuthored(Date.from(Instant.parse("2026-11-20T10:30:00Z")));
    }

    public static ScreeningResponse adult() {
        return new ScreeningResponse(ADULT);
    }

    public static ScreeningResponse child() {
        return new ScreeningResponse(CHILD);
    }

    /** Adds an item answered with one Coding per code. */
    public ScreeningResponse answer(String linkId, String... codes) {
        QuestionnaireResponseItemComponent item = item(linkId);
        for (String code : codes) {
            item.addAnswer().setValue(new Coding(ANSWER_SYSTEM, code, null));
        }
        return this;
    }

    public ScreeningResponse answer(String linkId, boolean value) {
        return answerWith(linkId, new BooleanType(value));
    }

    public ScreeningResponse answerWith(String linkId, Type value) {
        item(linkId).addAnswer().setValue(value);
        return this;
    }

    public QuestionnaireResponse build() {
        return response;
    }

    public ScreeningAnswers answers() {
        return ScreeningAnswers.of(response);
    }

    private QuestionnaireResponseItemComponent item(String linkId) {
        int dot = linkId.indexOf('.');
        if (dot < 0) {
            return response.addItem().setLinkId(linkId);
        }
        String groupId = linkId.substring(0, dot);
        QuestionnaireResponseItemComponent group = response.getItem().stream()
                .filter(i -> i.getLinkId().equals(groupId))
                .findFirst()
                .orElseGet(() -> response.addItem().setLinkId(groupId));
        return group.addItem().setLinkId(linkId);
    }
}
