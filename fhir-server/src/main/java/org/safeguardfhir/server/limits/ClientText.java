package org.safeguardfhir.server.limits;

/**
 * Client text quoted in an answer: short, and only letters, digits and {@code . - _ : +}, so that an answer never carries
 * markup or control characters it refused.
 */
final class ClientText {

    private static final int MAX = 40;

    private ClientText() {}

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
