package org.safeguardfhir.server.access;

/** How much of one resource a caller sees. */
public enum Visibility {
    /** All of it. */
    FULL,
    /** A redacted stand-in: a clinician's view of a safeguarding Flag. */
    REDACTED,
    /** A de-identified copy: the dashboard's view of Tasks and their owners, the patient replaced by a pseudonym. */
    PSEUDONYMISED,
    /** Nothing, not even that it exists. */
    HIDDEN
}
