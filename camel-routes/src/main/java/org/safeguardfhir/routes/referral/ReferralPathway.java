package org.safeguardfhir.routes.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * A referral pathway, a code of CodeSystem referral-pathway with its English display and its {@code requiresConsent}
 * property. Kept as an enum, checked against the CodeSystem file by a test, so that planning rules cannot name a
 * pathway the terminology does not define, and declared in the CodeSystem's order, which is the order of a plan.
 */
public enum ReferralPathway {
    DESIGNATED_SAFEGUARDING_LEAD("designated-safeguarding-lead", "Designated safeguarding lead", false),
    CHILD_PROTECTION("child-protection", "Child protection lead", false),
    NRM_FIRST_RESPONDER("nrm-first-responder", "NRM referral through a First Responder organisation", true),
    DUTY_TO_NOTIFY("duty-to-notify", "Consider a Duty to Notify", false),
    MODERN_SLAVERY_HELPLINE("modern-slavery-helpline", "Modern Slavery and Exploitation Helpline", true),
    SALVATION_ARMY_REFERRAL_HELPLINE("salvation-army-referral-helpline", "Salvation Army referral helpline", true),
    NSPCC_CTAC("nspcc-ctac", "NSPCC Child Trafficking Advice Centre", false),
    POLICE_EMERGENCY("police-emergency", "Police emergency (immediate danger)", false),
    ROSA("rosa", "ROSA", true),
    BARNEVERNET("barnevernet", "Child welfare service (barnevernstjenesten)", false),
    POLICE_NO("police-no", "Police, for reporting and advice", true),
    POLICE_EMERGENCY_NO("police-emergency-no", "Police emergency (Norway)", false),
    DUTY_TO_AVERT("duty-to-avert", "Consider the duty to avert", false);

    private final String code;
    private final String display;
    private final boolean requiresConsent;

    ReferralPathway(String code, String display, boolean requiresConsent) {
        this.code = code;
        this.display = display;
        this.requiresConsent = requiresConsent;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** Whether an adult's identifiable details may go through this pathway only with their consent. */
    public boolean requiresConsent() {
        return requiresConsent;
    }

    /**
     * The pathway whose directory entry owns this pathway's Tasks. The "consider" pathways are decisions for the
     * safeguarding lead, not referrals to anyone else: the lead owns them.
     */
    public ReferralPathway receiver() {
        return this == DUTY_TO_NOTIFY || this == DUTY_TO_AVERT ? DESIGNATED_SAFEGUARDING_LEAD : this;
    }

    public static Optional<ReferralPathway> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
