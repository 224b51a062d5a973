package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class ScreeningAnswersTest {

    @Test
    void codeIsTheFirstCodedAnswerOfANestedItem() {
        ScreeningAnswers answers = ScreeningResponse.adult()
                .answer("observed.indicators", "untreated-injuries", "fearful-or-withdrawn")
                .answers();

        assertThat(answers.code("observed.indicators")).contains("untreated-injuries");
    }

    @Test
    void codesAreEveryCodedAnswerInOrder() {
        ScreeningAnswers answers = ScreeningResponse.adult()
                .answer("observed.indicators", "untreated-injuries", "fearful-or-withdrawn")
                .answers();

        assertThat(answers.codes("observed.indicators")).containsExactly("untreated-injuries", "fearful-or-withdrawn");
    }

    @Test
    void boolIsTheFirstBooleanAnswer() {
        ScreeningAnswers answers =
                ScreeningResponse.adult().answer("context.seen-alone", false).answers();

        assertThat(answers.bool("context.seen-alone")).contains(false);
    }

    @Test
    void unansweredItemsHaveNoValues() {
        ScreeningAnswers answers = ScreeningResponse.adult().answers();

        assertThat(answers.code("private.debt")).isEmpty();
        assertThat(answers.codes("observed.indicators")).isEmpty();
        assertThat(answers.bool("context.seen-alone")).isEmpty();
    }

    @Test
    void valuesOfOtherTypesAreNotReadAsCodesOrBooleans() {
        ScreeningAnswers answers = ScreeningResponse.adult()
                .answerWith("contact.phone", new StringType("yes"))
                .answers();

        assertThat(answers.code("contact.phone")).isEmpty();
        assertThat(answers.bool("contact.phone")).isEmpty();
    }

    @Test
    void linkIdsAnsweredAreThoseWithThePrefixAndTheCode() {
        ScreeningAnswers answers = ScreeningResponse.adult()
                .answer("private.debt", "yes")
                .answer("private.threats", "no")
                .answer("private.movement", "yes")
                .answer("danger.immediate", "yes")
                .answers();

        assertThat(answers.linkIdsAnswered("private.", "yes")).containsExactly("private.debt", "private.movement");
    }

    @Test
    void itemWithSeveralCodedAnswersIsNotAnsweredWithOneOfThem() {
        // FHIRPath's = compares the whole collection of answers, and the server must agree with the form.
        ScreeningAnswers answers =
                ScreeningResponse.adult().answer("private.debt", "yes", "no").answers();

        assertThat(answers.linkIdsAnswered("private.", "yes")).isEmpty();
        assertThat(answers.codes("private.debt")).containsExactly("yes", "no");
    }

    @Test
    void itemsNestedUnderAnswersAreFound() {
        QuestionnaireResponse response = ScreeningResponse.adult().build();
        response.addItem()
                .setLinkId("context.seen-alone")
                .addAnswer()
                .setValue(new Coding(ScreeningResponse.ANSWER_SYSTEM, "yes", null))
                .addItem()
                .setLinkId("private.debt")
                .addAnswer()
                .setValue(new Coding(ScreeningResponse.ANSWER_SYSTEM, "yes", null));

        assertThat(ScreeningAnswers.of(response).linkIdsAnswered("private.", "yes"))
                .containsExactly("private.debt");
    }

    @Test
    void laterChangesToTheResponseDoNotChangeTheView() {
        QuestionnaireResponse response =
                ScreeningResponse.adult().answer("private.debt", "no").build();
        ScreeningAnswers answers = ScreeningAnswers.of(response);

        response.getItemFirstRep()
                .getItemFirstRep()
                .getAnswerFirstRep()
                .getValueCoding()
                .setCode("yes");

        assertThat(answers.code("private.debt")).contains("no");
    }

    @Test
    void childQuestionnaireIsRecognisedWithOrWithoutVersion() {
        assertThat(ScreeningResponse.child().answers().isChildQuestionnaire()).isTrue();
        QuestionnaireResponse unversioned = ScreeningResponse.child().build();
        unversioned.setQuestionnaire(ScreeningAnswers.CHILD_QUESTIONNAIRE);
        assertThat(ScreeningAnswers.of(unversioned).isChildQuestionnaire()).isTrue();
    }

    @Test
    void norwegianVariantOfTheChildQuestionnaireIsTheChildQuestionnaire() {
        QuestionnaireResponse norwegian = ScreeningResponse.child().build();
        norwegian.setQuestionnaire(
                org.safeguardfhir.profiles.ScreeningInstrument.CHILD.variantCanonical("nb") + "|0.1.0");

        assertThat(ScreeningAnswers.of(norwegian).isChildQuestionnaire()).isTrue();
    }

    @Test
    void adultUnknownAndMissingQuestionnairesAreNotTheChildQuestionnaire() {
        QuestionnaireResponse other = ScreeningResponse.child().build();
        other.setQuestionnaire(ScreeningAnswers.CHILD_QUESTIONNAIRE + "-extended|0.1.0");
        QuestionnaireResponse missing = new QuestionnaireResponse();

        assertThat(ScreeningResponse.adult().answers().isChildQuestionnaire()).isFalse();
        assertThat(ScreeningAnswers.of(other).isChildQuestionnaire()).isFalse();
        assertThat(ScreeningAnswers.of(missing).isChildQuestionnaire()).isFalse();
    }
}
