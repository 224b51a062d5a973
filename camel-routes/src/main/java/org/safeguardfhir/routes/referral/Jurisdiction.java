package org.safeguardfhir.routes.referral;

/**
 * The legal system whose referral rules apply. {@link #UK} means the rules of England and Wales (the National Referral
 * Mechanism and the Duty to Notify); Scotland and Northern Ireland have their own and are not modelled. {@link #NO} is
 * Norway.
 */
public enum Jurisdiction {
    UK,
    NO
}
