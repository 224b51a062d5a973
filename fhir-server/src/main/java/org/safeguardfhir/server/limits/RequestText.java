package org.safeguardfhir.server.limits;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks that request text is what FHIR allows before HAPI or PostgreSQL see it: UTF-8 that decodes, no NUL, no
 * unpaired surrogate (raw or as a JSON {@code \\u} escape), and percent-encoding that decodes. PostgreSQL cannot store
 * a NUL and answers with its own error text; a lone surrogate breaks encoders further on.
 */
final class RequestText {

    private RequestText() {}

    /** What is wrong with a body, or empty. */
    static Optional<String> problemInBody(byte[] body) {
        String text;
        try {
            text = decoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("The request body is not valid UTF-8");
        }
        return problemInText(text, "The request body");
    }

    /** What is wrong with a percent-encoded query string or path, or empty. */
    static Optional<String> problemInEncoded(String encoded, String what) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || hex(encoded.charAt(i + 1)) < 0 || hex(encoded.charAt(i + 2)) < 0) {
                    return Optional.of(what + " has a malformed percent-encoding");
                }
                bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c > 0x7f) {
                return Optional.of(what + " has a character that is not percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        try {
            String decoded =
                    decoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return problemInText(decoded, what);
        } catch (CharacterCodingException e) {
            return Optional.of(what + " is not valid UTF-8 once decoded");
        }
    }

    private static Optional<String> problemInText(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of(what + " contains a NUL character");
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(what + " contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
            if (c == '\\' && i + 5 < text.length() && text.charAt(i + 1) == 'u') {
                int escaped = hex4(text, i + 2);
                if (escaped == 0) {
                    return Optional.of(what + " contains an escaped NUL character (\\u0000)");
                }
                if (escaped > 0 && escaped < 0x20 && escaped != '\t' && escaped != '\n' && escaped != '\r') {
                    return Optional.of(what + " contains an escaped control character");
                }
                if (Character.isHighSurrogate((char) escaped)) {
                    boolean paired = i + 11 < text.length()
                            && text.charAt(i + 6) == '\\'
                            && text.charAt(i + 7) == 'u'
                            && Character.isLowSurrogate((char) hex4(text, i + 8));
                    if (!paired) {
                        return Optional.of(what + " contains an unpaired surrogate escape");
                    }
                    i += 11;
                } else if (Character.isLowSurrogate((char) escaped)) {
                    return Optional.of(what + " contains an unpaired surrogate escape");
                }
            }
        }
        return Optional.empty();
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int hex4(String text, int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = hex(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
