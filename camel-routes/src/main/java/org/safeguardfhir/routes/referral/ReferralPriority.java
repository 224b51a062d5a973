package org.safeguardfhir.routes.referral;

/**
 * The priority of a referral Task, a code of FHIR request-priority. Declared in increasing urgency, the order FHIR
 * defines for those codes.
 */
public enum ReferralPriority {
    ROUTINE("routine"),
    URGENT("urgent"),
    ASAP("asap"),
    STAT("stat");

    private final String code;

    ReferralPriority(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
