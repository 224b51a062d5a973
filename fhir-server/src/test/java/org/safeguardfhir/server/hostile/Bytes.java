package org.safeguardfhir.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Bodies and requests with bytes no Java string can carry: invalid UTF-8, raw NUL and control bytes. */
final class Bytes {

    private Bytes() {}

    /**
     * Concatenates parts when the case is sent: a {@code String} as UTF-8 after its placeholders are filled in, an
     * {@code int[]} as the bytes it lists, a {@code byte[]} as it is.
     */
    static Function<Fixtures, byte[]> of(Object... parts) {
        return fixtures -> {
            var out = new ByteArrayOutputStream();
            for (Object part : parts) {
                if (part instanceof String text) {
                    out.writeBytes(fixtures.resolve(text).getBytes(StandardCharsets.UTF_8));
                } else if (part instanceof int[] values) {
                    for (int value : values) {
                        out.write(value);
                    }
                } else if (part instanceof byte[] bytes) {
                    out.writeBytes(bytes);
                } else {
                    throw new IllegalArgumentException("not a body part: " + part);
                }
            }
            return out.toByteArray();
        };
    }

    static int[] bytes(int... values) {
        return values;
    }

    /** {@code count} copies of {@code text} joined by {@code separator}. */
    static String repeat(String text, String separator, int count) {
        var out = new StringBuilder(count * (text.length() + separator.length()));
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(text);
        }
        return out.toString();
    }
}
