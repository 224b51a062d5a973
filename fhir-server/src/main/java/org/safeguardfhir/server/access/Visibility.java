package org.safeguardfhir.server.access;

/** How much of one resource a caller sees. */
public enum Visibility {
    /** All of it. */
    FULL,
    /** A redacted stand-in: a clinician's view of a safeguarding Flag. */
    REDACTED,
    /** Nothing, not even that it exists. */
    HIDDEN
}
