package org.safeguardfhir.server.errors;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises failures deep in HAPI or PostgreSQL that a client's bad input caused, so they are answered 400 rather than
 * 500. Only causes that no correct request can produce are listed; anything else stays a server error.
 */
final class ClientFaults {

    /**
     * PostgreSQL states for input it cannot take: invalid byte sequence or untranslatable character, numeric value
     * out of range, invalid datetime, string data right-truncated, and the statement timeout a hostile query hits.
     */
    private static final Set<String> CLIENT_SQL_STATES = Set.of("22021", "22P05", "22003", "22007", "22008", "22001");

    private static final String QUERY_CANCELED = "57014";

    private ClientFaults() {}

    /** What to tell the client about a failure its input caused; empty for a server fault. */
    static Optional<Fault> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                if (QUERY_CANCELED.equals(sql.getSQLState())) {
                    return Optional.of(new Fault(
                            400,
                            "The request took longer than the server allows (limit safeguard.limits.statement-timeout);"
                                    + " narrow it"));
                }
                if (CLIENT_SQL_STATES.contains(sql.getSQLState())) {
                    return Optional.of(new Fault(400, "A value in the request cannot be stored or searched for"));
                }
            }
            if (cause instanceof NumberFormatException) {
                return Optional.of(new Fault(400, "A number in the request is not a valid number"));
            }
            if (cause instanceof StackOverflowError) {
                return Optional.of(new Fault(400, "The request is nested too deeply"));
            }
        }
        return Optional.empty();
    }

    /** A status and a sentence safe to show. */
    record Fault(int status, String diagnostics) {}
}
