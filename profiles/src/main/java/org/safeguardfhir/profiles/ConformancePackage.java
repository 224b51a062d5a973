package org.safeguardfhir.profiles;

import java.util.List;
import org.safeguardfhir.terminology.Canonicals;

/** Identity of the FHIR NPM package this module builds, as other tools and HAPI's package installer see it. */
public final class ConformancePackage {

    public static final String ID = "org.safeguardfhir.screening";
    public static final String VERSION = "0.1.0";
    public static final String CANONICAL = Canonicals.BASE;

    /** Every language variant of the screening questionnaires; responses to them are screening responses. */
    public static final List<String> SCREENING_QUESTIONNAIRES = ScreeningInstrument.allVariantCanonicals();

    private ConformancePackage() {}

    /** Whether a Questionnaire canonical, with or without {@code |version}, is one of the screening questionnaires. */
    public static boolean isScreeningQuestionnaire(String canonical) {
        return ScreeningInstrument.of(canonical).isPresent();
    }

    public static String questionnaire(String id) {
        return Canonicals.of("Questionnaire", id);
    }
}
