package org.safeguardfhir.server.errors;

import java.util.regex.Pattern;

/**
 * Removes from an error message what tells an attacker what runs inside: Java class names, parser source positions
 * and anything after them. A message a client caused stays readable; it just loses the internals.
 */
final class SafeDiagnostics {

    private static final Pattern JAVA_CLASS =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:\\.[a-z][A-Za-z0-9_]*\\(\\))?");
    private static final Pattern SOURCE_POSITION = Pattern.compile("\\s*at \\[Source:[^\\]]*\\]");
    /** HAPI's parser names its exception and the StAX position: "DataFormatException at [[row,col …]: [1,38]]:". */
    private static final Pattern PARSER_EXCEPTION = Pattern.compile(
            "\\b[A-Z][A-Za-z]*Exception(?: at \\[\\[row,col [^\\]]*\\]: \\[(\\d+),(\\d+)\\]\\])?:?\\s*");

    private static final Pattern STACK_FRAME = Pattern.compile("(?s)\\s+at [a-z][\\w.$]+\\(.*");
    private static final Pattern INTERNALS =
            Pattern.compile("(?i)\\b(?:exception|sqlstate|psql|hibernate|jdbc|nullpointer|index out of range)\\b");

    private SafeDiagnostics() {}

    static String scrub(String message) {
        if (message == null) {
            return null;
        }
        String safe = STACK_FRAME.matcher(message).replaceAll("");
        safe = SOURCE_POSITION.matcher(safe).replaceAll("");
        safe = JAVA_CLASS.matcher(safe).replaceAll("");
        safe = PARSER_EXCEPTION
                .matcher(safe)
                .replaceAll(found ->
                        found.group(1) == null ? "" : "line " + found.group(1) + ", column " + found.group(2) + ": ");
        return safe.strip();
    }

    /** Whether a message still says something about the server's insides after scrubbing. */
    static boolean revealsInternals(String message) {
        return message != null && INTERNALS.matcher(message).find();
    }
}
