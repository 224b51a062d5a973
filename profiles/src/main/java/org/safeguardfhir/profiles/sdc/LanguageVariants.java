package org.safeguardfhir.profiles.sdc;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.safeguardfhir.profiles.ScreeningInstrument;

/**
 * Makes the variant of a source Questionnaire in another language. Most renderers (LHC-Forms among them) ignore the
 * core {@code translation} extension and show {@code text} only, so each language gets a Questionnaire of its own, as
 * Norway's own tooling keeps them. The variant is computed, never written by hand: every text that carries a
 * translation into the language takes it (the source text becomes the translation back), and the linkIds, codes,
 * enableWhen and expressions stay exactly as they are, except the one variable that names the form's language.
 */
public final class LanguageVariants {

    public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    public static final String LANGUAGE_TAG_SYSTEM = "urn:ietf:bcp:47";
    public static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";

    /**
     * The root variable holding the language codes a patient may speak to need no interpreter with this form. The
     * interpreter item's initialExpression reads it, so the logic is the same in every variant.
     */
    public static final String FORM_LANGUAGES = "formLanguages";

    /** The primary language subtags that a reader of each form's language understands. */
    static final Map<String, String> FORM_LANGUAGE_CODES = Map.of("en", "'en'", "nb", "'nb' | 'no' | 'nn'");

    private final FhirContext fhirContext;

    public LanguageVariants(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    /** The variant of {@code source} (an instrument's source Questionnaire) in {@code language}. */
    public Questionnaire variant(ScreeningInstrument instrument, Questionnaire source, String language) {
        Questionnaire variant = source.copy();
        variant.setId(instrument.variantId(language));
        variant.setUrl(instrument.variantCanonical(language));
        variant.setLanguage(language);
        variant.getMeta().getTag().removeIf(tag -> LANGUAGE_TAG_SYSTEM.equals(tag.getSystem()));
        variant.getMeta().addTag(LANGUAGE_TAG_SYSTEM, language, null);
        if (!ScreeningInstrument.SOURCE_LANGUAGE.equals(language)) {
            variant.getDerivedFrom().clear();
            variant.addDerivedFrom(source.getUrl() + "|" + source.getVersion());
            translate(variant, source.getLanguage(), language);
        }
        formLanguages(variant).setExpression(FORM_LANGUAGE_CODES.get(language));
        return variant;
    }

    /** The expression of the form's {@value #FORM_LANGUAGES} variable. */
    public static Expression formLanguages(Questionnaire questionnaire) {
        return questionnaire.getExtensionsByUrl(VARIABLE).stream()
                .map(Extension::getValue)
                .filter(Expression.class::isInstance)
                .map(Expression.class::cast)
                .filter(e -> FORM_LANGUAGES.equals(e.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        questionnaire.getUrl() + " has no " + FORM_LANGUAGES + " variable"));
    }

    private void translate(Questionnaire variant, String sourceLanguage, String language) {
        FhirTerser terser = fhirContext.newTerser();
        @SuppressWarnings("rawtypes")
        List<PrimitiveType> texts = terser.getAllPopulatedChildElementsOfType(variant, PrimitiveType.class);
        for (PrimitiveType<?> text : texts) {
            translation(text, language).ifPresent(translation -> {
                String original = text.getValueAsString();
                text.getExtension().remove(translation.extension());
                text.setValueAsString(translation.content());
                text.addExtension(translationExtension(sourceLanguage, original));
            });
        }
    }

    private record Translation(Extension extension, String content) {}

    private static Optional<Translation> translation(PrimitiveType<?> text, String language) {
        return text.getExtensionsByUrl(TRANSLATION).stream()
                .filter(t -> language.equals(part(t, "lang")))
                .findFirst()
                .map(t -> new Translation(t, part(t, "content")));
    }

    private static String part(Extension translation, String name) {
        Extension part = translation.getExtensionByUrl(name);
        return part == null || part.getValue() == null ? null : part.getValue().primitiveValue();
    }

    private static Extension translationExtension(String language, String content) {
        var translation = new Extension(TRANSLATION);
        translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType(language));
        translation.addExtension("content", new org.hl7.fhir.r4.model.StringType(content));
        return translation;
    }
}
