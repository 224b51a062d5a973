package org.safeguardfhir.server.errors;

import java.util.UUID;

/**
 * The reference an error answer carries and the log repeats, so an operator can find what happened without the
 * client being told anything about the server's insides.
 */
public final class ErrorReference {

    private ErrorReference() {}

    /** The request's own id when it has one (HAPI's X-Request-ID), else a fresh one. */
    public static String of(String requestId) {
        return requestId == null || requestId.isBlank() || !requestId.matches("[A-Za-z0-9._-]{1,64}")
                ? UUID.randomUUID().toString()
                : requestId;
    }

    public static String sentence(String reference) {
        return " (reference " + reference + ")";
    }
}
