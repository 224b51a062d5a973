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
    CHILD_PROTECTION("child-protection", "Child protection lead or children's social care", false),
    NRM_FIRST_RESPONDER("nrm-first-responder", "NRM referral through a First Responder organisation", true),
    DUTY_TO_NOTIFY("duty-to-notify", "Duty to Notify (anonymous, adult without consent)", false),
    MODERN_SLAVERY_HELPLINE("modern-slavery-helpline", "Modern Slavery and Exploitation Helpline", true),
    SALVATION_ARMY_REFERRAL_HELPLINE("salvation-army-referral-helpline", "Salvation Army referral helpline", true),
    NSPCC_CTAC("nspcc-ctac", "NSPCC Child Trafficking Advice Centre", false),
    POLICE_EMERGENCY("police-emergency", "Police emergency (immediate danger)", false),
    ROSA("rosa", "ROSA", true),
    BARNEVERNET("barnevernet", "Child welfare service (barnevernet)", false),
    POLICE_NO("police-no", "Police (Norway)", true);

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

    public static Optional<ReferralPathway> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
