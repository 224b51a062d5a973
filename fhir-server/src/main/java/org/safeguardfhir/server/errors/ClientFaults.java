package org.safeguardfhir.server.errors;

import ca.uhn.fhir.context.ConfigurationException;
import ca.uhn.fhir.parser.DataFormatException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.exceptions.PathEngineException;
import org.hl7.fhir.r4.fhirpath.FHIRLexer.FHIRLexerException;

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
            if (cause instanceof NumberFormatException || cause instanceof ArithmeticException) {
                return Optional.of(new Fault(400, "A number in the request is not a valid number"));
            }
            if (cause instanceof DataFormatException || cause instanceof DateTimeException) {
                return Optional.of(new Fault(400, "A value in the request is not in its FHIR format"));
            }
            if (cause instanceof PathEngineException || cause instanceof FHIRLexerException) {
                return Optional.of(new Fault(400, "A FHIRPath expression in the request cannot be evaluated"));
            }
            if (cause instanceof IllegalArgumentException && thrownByParameterParsing(cause)) {
                return Optional.of(new Fault(400, "A parameter of the request is not in its FHIR format"));
            }
            if (cause instanceof ConfigurationException && thrownWhileBinding(cause, OPERATION_PARAMETER)) {
                // HAPI binding an operation's parameter to a value of another kind (a string for a resource).
                return Optional.of(new Fault(400, "A parameter of the operation is not of the type it takes"));
            }
            if (String.valueOf(cause.getMessage()).contains(EXPANSION_INCOMPLETE)
                    || cause.getClass().getSimpleName().equals(EXPANSION_INCOMPLETE)) {
                return Optional.of(new Fault(
                        422, "The ValueSet cannot be expanded here: a code system it includes is not on this server"));
            }
            if (cause instanceof StackOverflowError) {
                return Optional.of(new Fault(400, "The request is nested too deeply"));
            }
        }
        return Optional.empty();
    }

    private static final String OPERATION_PARAMETER = "ca.uhn.fhir.rest.server.method.OperationParameter";
    private static final String EXPANSION_INCOMPLETE = "ExpansionCouldNotBeCompletedInternallyException";

    private static boolean thrownWhileBinding(Throwable cause, String binder) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (frame.getClassName().equals(binder)) {
                return true;
            }
        }
        return false;
    }

    /** Whether HAPI's or the FHIR model's parsing of a request value threw it, rather than our own code. */
    private static boolean thrownByParameterParsing(Throwable cause) {
        StackTraceElement[] frames = cause.getStackTrace();
        if (frames.length == 0) {
            return false;
        }
        String origin = frames[0].getClassName();
        return PARSING_PACKAGES.stream().anyMatch(origin::startsWith);
    }

    private static final Set<String> PARSING_PACKAGES = Set.of(
            "ca.uhn.fhir.rest.param.",
            "ca.uhn.fhir.model.primitive.",
            "ca.uhn.fhir.model.api.",
            "org.hl7.fhir.r4.model.",
            "java.math.",
            "java.time.");

    /** A status and a sentence safe to show. */
    record Fault(int status, String diagnostics) {}
}
