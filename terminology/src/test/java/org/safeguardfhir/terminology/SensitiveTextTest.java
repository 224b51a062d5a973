package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contact details change and belong in versioned data, not in codes; Flag wording is seen by every member of staff
 * who opens a record, so it must not reveal the concern behind it.
 */
class SensitiveTextTest {

    /** Three or more digits, optionally separated by single spaces or hyphens, with an optional leading +. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d(?:[ -]?\\d){2,}");

    private static final Pattern CONTACT_ADDRESS = Pattern.compile("@|www\\.|https?://");

    /** English and Norwegian Bokmål stems that would reveal what a safeguarding Flag is about. */
    private static final List<String> REVEALING_WORDS =
            List.of("traffick", "exploit", "slaver", "modern slave", "menneskehandel", "utnytt", "slaveri");

    static Stream<String> contactFreeArtefacts() {
        return Stream.of(
                "CodeSystem/" + Canonicals.REFERRAL_PATHWAY,
                "ValueSet/" + Canonicals.REFERRAL_PATHWAY,
                "ValueSet/" + Canonicals.REFERRAL_PATHWAY_UK,
                "ValueSet/" + Canonicals.REFERRAL_PATHWAY_NO,
                "CodeSystem/" + Canonicals.SAFEGUARDING_FLAG,
                "ValueSet/" + Canonicals.SAFEGUARDING_FLAG,
                "CodeSystem/" + Canonicals.SAFEGUARDING_FLAG_CATEGORY,
                "ValueSet/" + Canonicals.SAFEGUARDING_FLAG_CATEGORY);
    }

    static Stream<String> flagArtefacts() {
        return Stream.of(
                "CodeSystem/" + Canonicals.SAFEGUARDING_FLAG,
                "ValueSet/" + Canonicals.SAFEGUARDING_FLAG,
                "CodeSystem/" + Canonicals.SAFEGUARDING_FLAG_CATEGORY,
                "ValueSet/" + Canonicals.SAFEGUARDING_FLAG_CATEGORY);
    }

    @ParameterizedTest
    @MethodSource("contactFreeArtefacts")
    void containsNoPhoneNumberOrContactAddress(String typeAndId) {
        assertThat(texts(typeAndId)).isNotEmpty().allSatisfy(text -> {
            assertThat(containsPhoneNumber(text))
                    .as("phone-number-like string in: %s", text)
                    .isFalse();
            assertThat(CONTACT_ADDRESS.matcher(text).find())
                    .as("contact address in: %s", text)
                    .isFalse();
        });
    }

    @ParameterizedTest
    @MethodSource("flagArtefacts")
    void flagTextNeverRevealsTheConcern(String typeAndId) {
        assertThat(texts(typeAndId)).isNotEmpty().allSatisfy(text -> assertThat(text.toLowerCase(Locale.ROOT))
                .as("Flag text")
                .doesNotContain(REVEALING_WORDS.toArray(String[]::new)));
    }

    @Test
    void flagDisplaysTellStaffWhatToDo() {
        assertThat(CodeSystemContentTest.concept(
                                Artefacts.codeSystem(Canonicals.SAFEGUARDING_FLAG), "safeguarding-concern")
                        .getDisplay())
                .isEqualTo("Safeguarding concern – speak to the patient alone; contact the safeguarding lead");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Call 08000 121 700",
                "0800 808 3733",
                "0300-303-8151",
                "22 33 11 60",
                "+47 22 33 11 60",
                "466 15 000",
                "ring 02800",
                "dial 999",
                "112"
            })
    void phoneNumberCheckCatchesNationalAndEmergencyNumbers(String text) {
        assertThat(containsPhoneNumber(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"under 18", "section 52", "version 0.1.0", "Care Act s42"})
    void phoneNumberCheckLetsShortNumbersThrough(String text) {
        assertThat(containsPhoneNumber(text)).isFalse();
    }

    @Test
    void revealingWordCheckCatchesEnglishAndNorwegian() {
        assertThat("Possible victim of human trafficking".toLowerCase(Locale.ROOT))
                .containsAnyOf(REVEALING_WORDS.toArray(String[]::new));
        assertThat("Mulig offer for menneskehandel".toLowerCase(Locale.ROOT))
                .containsAnyOf(REVEALING_WORDS.toArray(String[]::new));
    }

    private static boolean containsPhoneNumber(String text) {
        return PHONE_NUMBER.matcher(text).find();
    }

    /** Every string, markdown and code value in the resource: displays, definitions, designations, descriptions. */
    private static List<String> texts(String typeAndId) {
        MetadataResource resource = Artefacts.resources().stream()
                .filter(r -> (r.fhirType() + "/" + r.getIdPart()).equals(typeAndId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no artefact " + typeAndId));
        return Artefacts.FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, StringType.class).stream()
                .map(StringType::getValue)
                .toList();
    }
}
