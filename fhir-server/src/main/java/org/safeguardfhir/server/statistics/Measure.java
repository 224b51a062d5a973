package org.safeguardfhir.server.statistics;

/** What is counted. */
public enum Measure {
    /** Completed screening responses. */
    SCREENINGS("screenings"),
    /** Screenings whose outcome was positive, high risk or immediate danger. */
    POSITIVES("positives"),
    /** Referral Tasks made from screenings (anonymous Duty to Notify Tasks carry no screening and are not counted). */
    REFERRALS("referrals");

    private final String code;

    Measure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
