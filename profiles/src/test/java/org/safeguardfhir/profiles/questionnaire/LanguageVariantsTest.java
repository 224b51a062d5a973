package org.safeguardfhir.profiles.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.profiles.ScreeningInstrument;
import org.safeguardfhir.profiles.sdc.LanguageVariants;

/**
 * Each language variant is its source Questionnaire translated, and nothing else: the committed file is what
 * {@link LanguageVariants} makes of the source. After changing a source Questionnaire, regenerate the variants with
 * {@code ./mvnw -pl profiles -am test -Dtest=LanguageVariantsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsafeguard.regenerate-variants=true}.
 */
class LanguageVariantsTest {

    private static final LanguageVariants VARIANTS = new LanguageVariants(ScreeningArtefacts.FHIR);
    private static final Pattern NAMES_THE_CONCERN = Pattern.compile(
            "traffick|exploit|slaver|modern slave|menneskehandel|utnytt|slaveri|tvangsarbeid",
            Pattern.CASE_INSENSITIVE);

    static Stream<Arguments> variants() {
        return Stream.of(ScreeningInstrument.values()).flatMap(instrument -> ScreeningInstrument.LANGUAGES.stream()
                .map(language -> Arguments.of(instrument, Named.of(language, language))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void committedVariantIsItsSourceTranslated(ScreeningInstrument instrument, String language) throws IOException {
        Questionnaire source = ScreeningArtefacts.questionnaire(instrument.canonical());
        Questionnaire made = VARIANTS.variant(instrument, source, language);
        var file = ScreeningArtefacts.questionnairePath(instrument.variantId(language));
        if (Boolean.getBoolean("safeguard.regenerate-variants")
                && !language.equals(ScreeningInstrument.SOURCE_LANGUAGE)) {
            Files.writeString(file, ArtefactJson.write(made), StandardCharsets.UTF_8);
        }

        Questionnaire committed = ScreeningArtefacts.questionnaire(instrument.variantCanonical(language));

        assertThat(committed.getIdPart()).isEqualTo(instrument.variantId(language));
        made.setIdElement(committed.getIdElement());
        assertThat(committed.equalsDeep(made))
                .as("%s is not what its source makes: regenerate it (see this test's Javadoc)", file)
                .isTrue();
        assertThat(committed.getLanguage()).isEqualTo(language);
        assertThat(committed.getMeta().getTag()).anySatisfy(tag -> {
            assertThat(tag.getSystem()).isEqualTo(LanguageVariants.LANGUAGE_TAG_SYSTEM);
            assertThat(tag.getCode()).isEqualTo(language);
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void variantKeepsTheLinkIdsCodesAndLogicOfItsSource(ScreeningInstrument instrument, String language) {
        List<QuestionnaireItemComponent> source =
                ScreeningArtefacts.items(ScreeningArtefacts.questionnaire(instrument.canonical()));
        List<QuestionnaireItemComponent> variant =
                ScreeningArtefacts.items(ScreeningArtefacts.questionnaire(instrument.variantCanonical(language)));

        assertThat(variant).hasSameSizeAs(source);
        for (int i = 0; i < source.size(); i++) {
            var expected = logic(source.get(i));
            var actual = logic(variant.get(i));
            assertThat(actual.equalsDeep(expected))
                    .as("item %s of %s", source.get(i).getLinkId(), instrument.variantId(language))
                    .isTrue();
        }
    }

    @Test
    void norwegianVariantShowsNorwegianText() {
        Questionnaire nb = ScreeningArtefacts.questionnaire(ScreeningInstrument.ADULT.variantCanonical("nb"));
        Questionnaire en = ScreeningArtefacts.questionnaire(ScreeningInstrument.ADULT.canonical());

        assertThat(nb.getTitle()).isNotEqualTo(en.getTitle()).contains("sjekkliste");
        assertThat(ScreeningArtefacts.items(nb))
                .filteredOn(item -> item.getLinkId().equals("context.accompanied-by"))
                .singleElement()
                .satisfies(item -> assertThat(item.getText()).isEqualTo("Hvem kom sammen med pasienten i dag?"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void titleAndEverythingShownBeforeThePrivateQuestionsIsNeutralToAnOnlooker(
            ScreeningInstrument instrument, String language) {
        Questionnaire questionnaire = ScreeningArtefacts.questionnaire(instrument.variantCanonical(language));

        assertThat(questionnaire.getTitle()).doesNotContainPattern(NAMES_THE_CONCERN);
        for (QuestionnaireItemComponent item : ScreeningArtefacts.items(questionnaire)) {
            if (item.getLinkId().startsWith("private")) {
                break;
            }
            assertThat(item.getText())
                    .as("text of %s, shown before the private questions", item.getLinkId())
                    .doesNotContainPattern(NAMES_THE_CONCERN);
        }
    }

    /** An item without its texts and their translations, and without its children (compared one by one). */
    private static QuestionnaireItemComponent logic(QuestionnaireItemComponent item) {
        var copy = item.copy();
        copy.getItem().clear();
        copy.setTextElement(null);
        copy.setPrefixElement(null);
        return copy;
    }
}
