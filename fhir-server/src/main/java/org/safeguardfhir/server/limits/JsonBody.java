package org.safeguardfhir.server.limits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a JSON body once, as a stream, for what HAPI's parser would take silently or fail on deep inside: a duplicate
 * key (which of the two would be stored?), an empty key, a null (FHIR JSON allows one only inside an array, to keep a
 * primitive array aligned with its extensions), a number no FHIR decimal can be (such as {@code 1e99999}), and JSON
 * that is not well-formed at all.
 */
final class JsonBody {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern EXPONENT = Pattern.compile("[eE][+-]?(\\d+)");
    private static final int MAX_NUMBER_LENGTH = 40;
    private static final int MAX_EXPONENT = 100;

    private JsonBody() {}

    static boolean isJson(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            return true;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /** What is wrong with the JSON, or empty. */
    static Optional<String> problem(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.currentName().isEmpty()) {
                    return Optional.of("The request body has an object with an empty key" + at(parser));
                }
                if (token == JsonToken.VALUE_NULL && parser.getParsingContext().inObject()) {
                    return Optional.of("The request body has a null for " + parser.currentName()
                            + ": FHIR JSON leaves an element out instead" + at(parser));
                }
                if (token.isNumeric() && absurd(parser.getText())) {
                    return Optional.of("The request body has a number out of any FHIR range" + at(parser));
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                return Optional.of("The request body has a duplicate key " + message.substring(message.indexOf('\'')));
            }
            return Optional.of("The request body is not well-formed JSON"
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            return Optional.of("The request body could not be read");
        }
    }

    static boolean absurd(String number) {
        if (number.length() > MAX_NUMBER_LENGTH) {
            return true;
        }
        var exponent = EXPONENT.matcher(number);
        return exponent.find()
                && (exponent.group(1).length() > 3 || Integer.parseInt(exponent.group(1)) > MAX_EXPONENT);
    }

    private static String at(JsonParser parser) {
        var location = parser.currentLocation();
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
