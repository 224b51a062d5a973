package org.safeguardfhir.server.limits;

/**
 * Client text quoted in an answer: short, and only letters, digits and {@code . - _ : +}, so that an answer never carries
 * markup or control characters it refused.
 */
final class ClientText {

    private static final int MAX = 40;

    private ClientText() {}

    /** The text without quotes, for a field of the answer such as an OperationOutcome's location. */
    static String clean(String value) {
        String quoted = quote(value);
        return quoted.substring(1, quoted.length() - 1);
    }

    static String quote(String value) {
        var quoted = new StringBuilder("\"");
        value.codePoints().limit(MAX).forEach(c -> quoted.append(allowed(c) ? (char) c : '?'));
        return quoted.append(value.codePointCount(0, value.length()) > MAX ? "…\"" : "\"")
                .toString();
    }

    private static boolean allowed(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || ".-_:+".indexOf(c) >= 0);
    }
}
