package org.safeguardfhir.routes.referral;

/**
 * Why the safeguarding lead's review asks for more than the usual review, a code of CodeSystem lead-review-reason
 * with its English display; checked against the CodeSystem file by a test.
 */
public enum LeadReviewReason {
    ESTABLISH_AGE("establish-age", "Establish the patient's age"),
    SAME_DAY_REVIEW("same-day-review", "Review the same day");

    private final String code;
    private final String display;

    LeadReviewReason(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }
}
