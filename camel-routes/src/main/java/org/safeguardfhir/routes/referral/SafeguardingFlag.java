package org.safeguardfhir.routes.referral;

/**
 * A code of CodeSystem safeguarding-flag with its English display, checked against the CodeSystem file by a test.
 * Each is an instruction to staff that never says why.
 */
public enum SafeguardingFlag {
    CONCERN("safeguarding-concern", "Safeguarding concern – speak to the patient alone; contact the safeguarding lead"),
    PROFESSIONAL_INTERPRETER(
            "do-not-use-companion-as-interpreter",
            "Use a professional interpreter – not a companion, friend or relative"),
    SAFE_CONTACT_ONLY("safe-contact-restricted", "Contact the patient only through the recorded safe contact route");

    private final String code;
    private final String display;

    SafeguardingFlag(String code, String display) {
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
