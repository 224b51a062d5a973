package org.safeguardfhir.profiles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two screening instruments and their language variants. Each variant is a Questionnaire of its own (canonical
 * {@code <instrument>-<language>}, the source language without a suffix) with identical linkIds, codes and logic, so a
 * renderer that shows only {@code text} can show it in the patient's language; a response to any variant is a response
 * to the instrument.
 */
public enum ScreeningInstrument {
    ADULT("trafficking-screening-adult"),
    CHILD("trafficking-screening-child");

    /** The language the source Questionnaires are written in. */
    public static final String SOURCE_LANGUAGE = "en";

    /** Languages with a variant of their own, the source language first. */
    public static final List<String> LANGUAGES = List.of(SOURCE_LANGUAGE, "nb");

    private final String id;

    ScreeningInstrument(String id) {
        this.id = id;
    }

    /** The id of the source Questionnaire, which names the instrument. */
    public String id() {
        return id;
    }

    /** The canonical of the source Questionnaire, which stands for the instrument in every record we derive. */
    public String canonical() {
        return ConformancePackage.questionnaire(id);
    }

    /** The id of the variant in {@code language}. */
    public String variantId(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("No variant in " + language + " of " + id);
        }
        return SOURCE_LANGUAGE.equals(language) ? id : id + "-" + language;
    }

    public String variantCanonical(String language) {
        return ConformancePackage.questionnaire(variantId(language));
    }

    /** Canonicals of every variant, the source first. */
    public List<String> variantCanonicals() {
        return LANGUAGES.stream().map(this::variantCanonical).toList();
    }

    /** The instrument a Questionnaire canonical (with or without {@code |version}) is a variant of. */
    public static Optional<ScreeningInstrument> of(String canonical) {
        if (canonical == null) {
            return Optional.empty();
        }
        int bar = canonical.indexOf('|');
        String url = bar < 0 ? canonical : canonical.substring(0, bar);
        return Arrays.stream(values())
                .filter(instrument -> instrument.variantCanonicals().contains(url))
                .findFirst();
    }

    /**
     * The canonical of the instrument that a variant's canonical stands for, keeping its {@code |version}: records
     * derived from responses (exports, statistics) name one instrument whatever language it was answered in.
     */
    public static Optional<String> instrumentCanonical(String canonical) {
        return of(canonical).map(instrument -> {
            int bar = canonical.indexOf('|');
            return instrument.canonical() + (bar < 0 ? "" : canonical.substring(bar));
        });
    }

    /** Canonicals of every variant of every instrument. */
    public static List<String> allVariantCanonicals() {
        return Arrays.stream(values())
                .flatMap(instrument -> instrument.variantCanonicals().stream())
                .toList();
    }
}
