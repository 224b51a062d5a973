package org.safeguardfhir.server.statistics;

/** What is counted. */
public enum Measure {
    /** Completed screening responses. */
    SCREENINGS("screenings"),
    /** Screenings whose outcome was positive, high risk or immediate danger. */
    POSITIVES("positives"),
    /**
     * Referrals sent from screenings: referral Tasks in progress or completed as referred, acknowledged or closed
     * referred, never the safeguarding lead's own review or duty Tasks ({@link CountingRules}). Anonymous Duty to
     * Notify Tasks carry no screening and are not counted.
     */
    REFERRALS("referrals");

    private final String code;

    Measure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
