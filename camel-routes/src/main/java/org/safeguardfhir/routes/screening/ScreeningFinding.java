package org.safeguardfhir.routes.screening;

/**
 * Something a screen shows, apart from its outcome, that changes what the referral rules do or which instruction
 * Flags the patient's record carries.
 */
public enum ScreeningFinding {
    /** Nothing shows the patient's age: no birth date, no answer to the age question, no sign of doubt. */
    AGE_TO_ESTABLISH,
    /** At least one sign observed or one private question answered yes, whatever the outcome. */
    CONCERN_RAISED,
    /** The clinician was not sure whether someone is in immediate danger. */
    DANGER_UNCERTAIN,
    /** The patient said it is not safe, or was not sure it is safe, to phone or to write to them. */
    SAFE_CONTACT_RESTRICTED,
    /** A companion, friend or relative interpreted. */
    COMPANION_INTERPRETED
}
