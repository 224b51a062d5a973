package org.safeguardfhir.profiles.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.profiles.sdc.LanguageVariants;

/**
 * The Norwegian Bokmål texts name the people and services a Norwegian clinician can actually turn to: the line manager
 * or the person the service has appointed, and for a child barnevernstjenesten. A safeguarding lead or child
 * protection lead is a UK role, and is named only as one.
 */
class NorwegianWordingTest {

    /** Role names that Norwegian services do not have, and the spelling barnevernsloven 2021 does not use. */
    private static final List<String> INVENTED_TERMS =
            List.of("safeguarding-ansvarlig", "barnevernsansvarlig", "ansvarlig fagperson", "barneverntjenesten");

    @Test
    void norwegianTextsUseTheRolesNorwegianServicesHave() {
        assertThat(norwegianTexts()).hasSizeGreaterThan(100).allSatisfy(text -> assertThat(
                        text.toLowerCase(Locale.ROOT))
                .as("Norwegian text: %s", text)
                .doesNotContain(INVENTED_TERMS.toArray(String[]::new)));
    }

    @Test
    void childScreenSendsANorwegianConcernToBarnevernstjenesten() {
        Questionnaire child = ScreeningArtefacts.questionnaire(ScreeningArtefacts.CHILD);

        assertThat(norwegian(child)).anySatisfy(text -> assertThat(text).contains("barnevernstjenesten"));
        assertThat(norwegian(ScreeningContentTest.item(child, "referral.duty").getTextElement()))
                .contains("bekymringsmelding til barnevernstjenesten");
    }

    @Test
    void norwegianTextsNeverSendAcuteDangerToThePoliceNonEmergencyNumber() {
        assertThat(norwegianTexts()).filteredOn(text -> text.contains("02800")).allSatisfy(text -> assertThat(
                        text.toLowerCase(Locale.ROOT))
                .as("02800 is for reporting and advice, not acute danger: %s", text)
                .doesNotContain("akutt", "nød", "112"));
    }

    /** Every nb text of the terminology and of both source Questionnaires (the -nb variants are made from these). */
    private static List<String> norwegianTexts() {
        return Stream.concat(
                        ScreeningArtefacts.codeSystems().stream().flatMap(NorwegianWordingTest::norwegian),
                        ScreeningArtefacts.questionnaires().stream().flatMap(NorwegianWordingTest::norwegian))
                .toList();
    }

    /** The nb designation of every concept of a code system, at any depth. */
    private static Stream<String> norwegian(CodeSystem codeSystem) {
        return concepts(codeSystem.getConcept())
                .flatMap(concept -> concept.getDesignation().stream())
                .filter(designation -> "nb".equals(designation.getLanguage()))
                .map(CodeSystem.ConceptDefinitionDesignationComponent::getValue);
    }

    /** The nb translation of every text of a source Questionnaire: its title, item texts and any other string. */
    @SuppressWarnings("rawtypes")
    private static Stream<String> norwegian(Questionnaire questionnaire) {
        return ScreeningArtefacts.FHIR
                .newTerser()
                .getAllPopulatedChildElementsOfType(questionnaire, PrimitiveType.class)
                .stream()
                .map(NorwegianWordingTest::norwegian)
                .filter(Objects::nonNull);
    }

    private static String norwegian(PrimitiveType<?> text) {
        return text.getExtensionsByUrl(LanguageVariants.TRANSLATION).stream()
                .filter(translation -> "nb".equals(part(translation, "lang")))
                .map(translation -> part(translation, "content"))
                .findFirst()
                .orElse(null);
    }

    private static String part(Extension translation, String url) {
        Extension part = translation.getExtensionByUrl(url);
        return part == null ? null : part.getValue().primitiveValue();
    }

    private static Stream<ConceptDefinitionComponent> concepts(List<ConceptDefinitionComponent> concepts) {
        return concepts.stream().flatMap(c -> Stream.concat(Stream.of(c), concepts(c.getConcept())));
    }
}
