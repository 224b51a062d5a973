package org.safeguardfhir.work;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/**
 * Durable work carries text (a FHIR resource as JSON, an id), stored as UTF-8 so that an operator, a migration or a
 * replay can read it, rather than as Java serialisation.
 */
final class TextSerializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : ((String) data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return bytes == null ? null : type.cast(new String(bytes, StandardCharsets.UTF_8));
    }
}
