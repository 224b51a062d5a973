package org.safeguardfhir.terminology;

/**
 * Canonical URLs of Safeguard FHIR artefacts. Every artefact's canonical is {@code <BASE>/<ResourceType>/<id>}, the
 * convention the FHIR IG Publisher uses, so a URL can be derived from the file that holds the artefact.
 *
 * <p>The id constants name the artefacts under {@code src/main/resources/fhir}. Each CodeSystem has a ValueSet of the
 * same id holding all its codes, so {@code codeSystem(EXPLOITATION_TYPE)} and {@code valueSet(EXPLOITATION_TYPE)} both
 * resolve.
 */
public final class Canonicals {

    public static final String BASE = "https://safeguardfhir.org/fhir";

    // CodeSystems, each with a ValueSet of the same id.
    public static final String TRAFFICKING_INDICATOR = "trafficking-indicator";
    public static final String EXPLOITATION_TYPE = "exploitation-type";
    public static final String REFERRAL_PATHWAY = "referral-pathway";
    public static final String SCREENING_OUTCOME = "screening-outcome";
    public static final String INTERPRETER_TYPE = "interpreter-type";
    public static final String REFERRAL_BUSINESS_STATUS = "referral-business-status";
    public static final String SAFEGUARDING_FLAG = "safeguarding-flag";
    public static final String SAFEGUARDING_SECURITY_POLICY = "safeguarding-security-policy";
    public static final String FINDING_CERTAINTY = "finding-certainty";
    public static final String AGE_GROUP = "age-group";
    public static final String SAFEGUARDING_FLAG_CATEGORY = "safeguarding-flag-category";
    public static final String SCREENING_OBSERVATION = "screening-observation";
    public static final String SCREENING_ITEM = "screening-item";
    public static final String SCREENING_ANSWER = "screening-answer";
    public static final String ACCOMPANYING_PERSON = "accompanying-person";
    public static final String INTERPRETER_MODE = "interpreter-mode";
    public static final String LEAD_REVIEW_REASON = "lead-review-reason";

    // ValueSets that select part of a CodeSystem.
    public static final String REFERRAL_PATHWAY_UK = "referral-pathway-uk";
    public static final String REFERRAL_PATHWAY_NO = "referral-pathway-no";
    public static final String YES_NO_UNSURE = "yes-no-unsure";
    public static final String TRAFFICKING_INDICATOR_CLINICIAN = "trafficking-indicator-clinician";
    public static final String INTERPRETER_LANGUAGE = "interpreter-language";

    // ConceptMaps.
    public static final String EXPLOITATION_TYPE_TO_ICD10CM = "exploitation-type-to-icd10cm";
    public static final String EXPLOITATION_TYPE_TO_SNOMED = "exploitation-type-to-snomed";

    private Canonicals() {}

    public static String of(String resourceType, String id) {
        if (resourceType.isBlank() || id.isBlank() || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Artefact ids are kebab-case: " + resourceType + "/" + id);
        }
        return BASE + "/" + resourceType + "/" + id;
    }

    public static String codeSystem(String id) {
        return of("CodeSystem", id);
    }

    public static String valueSet(String id) {
        return of("ValueSet", id);
    }

    public static String conceptMap(String id) {
        return of("ConceptMap", id);
    }
}
