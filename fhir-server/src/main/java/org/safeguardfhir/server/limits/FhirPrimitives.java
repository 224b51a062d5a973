package org.safeguardfhir.server.limits;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON form each FHIR R4 primitive type must have (a boolean, a number or a string) and the lexical form of its
 * value, from the specification's datatype regular expressions: what HAPI's parser would otherwise coerce ({@code "true"}
 * for a boolean, {@code 12} for a code) or store as it came (a dateTime with a time but no zone, a space in a date, an
 * id of 65 characters).
 */
final class FhirPrimitives {

    /** FHIR R4: "strings SHALL NOT exceed 1MB (1024*1024 characters) in size". */
    static final int MAX_STRING_LENGTH = 1024 * 1024;

    private static final String YEAR = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
    private static final String MONTH = "(0[1-9]|1[0-2])";
    private static final String DAY = "(0[1-9]|[1-2][0-9]|3[0-1])";
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?";
    private static final String ZONE = "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";

    private static final Map<String, Pattern> LEXICAL = Map.ofEntries(
            Map.entry("id", Pattern.compile("[A-Za-z0-9\\-.]{1,64}")),
            Map.entry("code", Pattern.compile("[^\\s]+(\\s[^\\s]+)*")),
            Map.entry("date", Pattern.compile(YEAR + "(-" + MONTH + "(-" + DAY + ")?)?")),
            Map.entry("dateTime", Pattern.compile(YEAR + "(-" + MONTH + "(-" + DAY + "(T" + TIME + ZONE + ")?)?)?")),
            Map.entry("instant", Pattern.compile(YEAR + "-" + MONTH + "-" + DAY + "T" + TIME + ZONE)),
            Map.entry("time", Pattern.compile(TIME)),
            Map.entry("uri", Pattern.compile("\\S+")),
            Map.entry("url", Pattern.compile("\\S+")),
            Map.entry("canonical", Pattern.compile("\\S+")),
            Map.entry("oid", Pattern.compile("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+")),
            Map.entry(
                    "uuid", Pattern.compile("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));

    private FhirPrimitives() {}

    /** What is wrong with this JSON value for a primitive of the named FHIR type, or empty. */
    static Optional<String> problem(String type, JsonNode value, String path) {
        return switch (type) {
            case "boolean" -> value.isBoolean() ? none() : wrong(path, type, "true or false");
            case "decimal" -> value.isNumber() ? none() : wrong(path, type, "a JSON number");
            case "integer", "positiveInt", "unsignedInt" -> integer(type, value, path);
            default -> text(type, value, path);
        };
    }

    private static Optional<String> integer(String type, JsonNode value, String path) {
        if (!value.isIntegralNumber() && !(value.isNumber() && isWhole(value.decimalValue()))) {
            return wrong(path, type, "a whole JSON number");
        }
        BigDecimal number = value.decimalValue();
        long min = type.equals("positiveInt") ? 1 : type.equals("unsignedInt") ? 0 : Integer.MIN_VALUE;
        if (number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Optional.of(path + " is out of the range of a FHIR " + type);
        }
        return none();
    }

    private static boolean isWhole(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0;
    }

    private static Optional<String> text(String type, JsonNode value, String path) {
        if (!value.isTextual()) {
            return wrong(path, type, "a JSON string");
        }
        String text = value.textValue();
        if (type.equals("base64Binary")) {
            return none();
        }
        if (text.length() > MAX_STRING_LENGTH) {
            return Optional.of(
                    path + " is longer than FHIR's limit for a string (" + MAX_STRING_LENGTH + " characters)");
        }
        if (text.isBlank()) {
            return Optional.of(path + " is empty or only whitespace: FHIR leaves an element out instead");
        }
        Pattern lexical = LEXICAL.get(type);
        if (lexical != null && !lexical.matcher(text).matches()) {
            return Optional.of(path + " is not a valid FHIR " + type + hint(type));
        }
        return none();
    }

    private static String hint(String type) {
        return switch (type) {
            case "dateTime" -> " (YYYY, YYYY-MM, YYYY-MM-DD, or a time with seconds and a zone)";
            case "instant" -> " (a date and a time with seconds and a zone)";
            case "id" -> " (1 to 64 letters, digits, '-' or '.')";
            case "code" -> " (no leading, trailing or repeated whitespace)";
            default -> "";
        };
    }

    private static Optional<String> wrong(String path, String type, String expected) {
        return Optional.of(path + " is a FHIR " + type + ": its JSON value must be " + expected);
    }

    private static Optional<String> none() {
        return Optional.empty();
    }
}
