package org.safeguardfhir.server.hostile;

import static org.safeguardfhir.server.hostile.Bytes.bytes;
import static org.safeguardfhir.server.hostile.Bytes.repeat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.safeguardfhir.server.hostile.HostileCase.Auth;
import org.safeguardfhir.server.hostile.HostileCase.Expect;
import org.safeguardfhir.server.hostile.HostileCase.Family;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.PackageExamples;

/**
 * The cases about what a request carries: malformed JSON and XML, every stored type with a malformed body, unicode
 * that is not text, oversized resources and malformed screening responses. A correct server refuses each with 400
 * (422 where a screening response parses but breaks its profile, 413 where it is too large), stores nothing, and
 * answers quickly.
 */
final class PayloadCases {

    /** The types the server stores (application.yaml, safeguard.fhir.resource-types). */
    static final List<String> STORED_TYPES = List.of(
            "Patient",
            "RelatedPerson",
            "Practitioner",
            "PractitionerRole",
            "Organization",
            "HealthcareService",
            "Location",
            "Endpoint",
            "Encounter",
            "Questionnaire",
            "QuestionnaireResponse",
            "Task",
            "Flag",
            "Observation",
            "Condition",
            "Consent",
            "Provenance",
            "AuditEvent",
            "Communication",
            "DocumentReference",
            "List",
            "Group",
            "Basic",
            "OperationDefinition");

    /** A valid Observation around a quantity value, so that only the value is wrong. */
    private static final String OBSERVATION_VALUE = "{\"resourceType\":\"Observation\",\"status\":\"final\","
            + "\"code\":{\"text\":\"hostile input\"},\"subject\":{\"reference\":\"Patient/{patient}\"},"
            + "\"valueQuantity\":{\"value\":%s}}";

    private PayloadCases() {}

    static List<HostileCase> all() {
        var cases = new ArrayList<HostileCase>();
        json(cases);
        decimals(cases);
        xml(cases);
        types(cases);
        unicode(cases);
        oversized(cases);
        screening(cases);
        return cases;
    }

    private static HostileCase json(String name, String body) {
        return new HostileCase(Family.JSON, name).post("/fhir/Patient").body(body);
    }

    private static String patient(String members) {
        return "{\"resourceType\":\"Patient\"," + members + "}";
    }

    private static void json(List<HostileCase> cases) {
        // Broken syntax.
        cases.add(json("truncated inside a string", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sm"));
        cases.add(json("truncated inside the resourceType", "{\"resourceType\":\"Pat"));
        cases.add(json("only an opening brace", "{"));
        cases.add(json("trailing comma", patient("\"active\":true,")));
        cases.add(json("extra closing brace", "{\"resourceType\":\"Patient\"}}"));
        cases.add(json("garbage after the resource", "{\"resourceType\":\"Patient\"} garbage"));
        cases.add(json("two resources concatenated", "{\"resourceType\":\"Patient\"}{\"resourceType\":\"Patient\"}"));
        cases.add(json("a comment in the body", patient("/* note */ \"active\":true")));
        cases.add(json("single-quoted strings", "{'resourceType':'Patient'}"));
        cases.add(json("unquoted keys", "{resourceType:\"Patient\"}"));
        cases.add(json("empty body", ""));
        cases.add(json("whitespace-only body", "   \n\t  "));
        // Not a resource.
        cases.add(json("an array at the top level", "[{\"resourceType\":\"Patient\"}]"));
        cases.add(json("a string at the top level", "\"Patient\""));
        cases.add(json("null at the top level", "null"));
        cases.add(json("a number at the top level", "42"));
        cases.add(json("no resourceType", "{\"active\":true}"));
        cases.add(json("resourceType null", "{\"resourceType\":null}"));
        cases.add(json("resourceType a number", "{\"resourceType\":1}"));
        cases.add(json(
                "an Observation posted to Patient",
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}"));
        cases.add(json("an unknown resourceType", "{\"resourceType\":\"Hostile\"}"));
        cases.add(json("a lowercase resourceType", "{\"resourceType\":\"patient\"}"));
        // Wrong JSON types.
        cases.add(json("boolean as the string yes", patient("\"active\":\"yes\"")));
        cases.add(json("boolean as the string true", patient("\"active\":\"true\"")));
        cases.add(json("date as a number", patient("\"birthDate\":19900101")));
        cases.add(json("an array element as a bare string", patient("\"name\":\"Smith\"")));
        cases.add(json("a string inside an array of objects", patient("\"name\":[\"Smith\"]")));
        cases.add(json("an object inside an array of strings", patient("\"name\":[{\"given\":[{\"value\":\"x\"}]}]")));
        cases.add(json(
                "an object where an array belongs", patient("\"telecom\":{\"system\":\"phone\",\"value\":\"1\"}")));
        cases.add(json("a code as a boolean", patient("\"gender\":true")));
        cases.add(json("an integer as a fraction", patient("\"multipleBirthInteger\":1.5")));
        cases.add(json("an integer beyond 32 bits", patient("\"multipleBirthInteger\":2147483648")));
        cases.add(json("an integer of 1e99999", patient("\"multipleBirthInteger\":1e99999")));
        cases.add(
                json("primitive extension as a string", patient("\"birthDate\":\"1990-01-01\",\"_birthDate\":\"x\"")));
        // Nulls, which FHIR JSON never allows outside paired primitive arrays.
        cases.add(json("a null date", patient("\"birthDate\":null")));
        cases.add(json("null in an array of objects", patient("\"name\":[null]")));
        cases.add(json("null in a primitive array without its _ pair", patient("\"name\":[{\"given\":[null]}]")));
        cases.add(json("null meta", patient("\"meta\":null")));
        cases.add(json("null extension", patient("\"extension\":[null]")));
        // Duplicate and empty keys: the last one silently winning would store something nobody reviewed.
        cases.add(json("duplicate birthDate", patient("\"birthDate\":\"1990-01-01\",\"birthDate\":\"2000-01-01\"")));
        cases.add(json("duplicate resourceType", "{\"resourceType\":\"Patient\",\"resourceType\":\"Observation\"}"));
        cases.add(json("duplicate key in a nested object", patient("\"name\":[{\"family\":\"a\",\"family\":\"b\"}]")));
        cases.add(new HostileCase(Family.JSON, "duplicate id on update")
                .put("/fhir/Patient/{patient}")
                .body("{\"resourceType\":\"Patient\",\"id\":\"{patient}\",\"id\":\"other\",\"active\":true}"));
        cases.add(json("an empty key", patient("\"\":\"x\"")));
        cases.add(json("an empty key in a nested object", patient("\"name\":[{\"\":\"x\"}]")));
        // Unknown elements: dropping them silently would lose what the sender meant to record.
        cases.add(json("an unknown element", patient("\"hostileElement\":true")));
        cases.add(json("an unknown nested element", patient("\"name\":[{\"hostileElement\":\"x\"}]")));
        cases.add(json(
                "an unknown element in a primitive's extension object",
                patient("\"birthDate\":\"1990-01-01\",\"_birthDate\":{\"hostileElement\":1}")));
        cases.add(json("an unknown underscore element", patient("\"_hostile\":{\"id\":\"x\"}")));
        cases.add(json("a choice element of another type", patient("\"valueString\":\"x\"")));
        cases.add(json("an unknown choice type suffix", patient("\"deceasedHostile\":true")));
        cases.add(json(
                "two choices of one element", patient("\"deceasedBoolean\":true,\"deceasedDateTime\":\"2020-01-01\"")));
        // Invalid primitives.
        cases.add(json("February 30th", patient("\"birthDate\":\"1990-02-30\"")));
        cases.add(json("month 13", patient("\"birthDate\":\"1990-13-01\"")));
        cases.add(json("a leading space in a date", patient("\"birthDate\":\" 1990-01-01\"")));
        cases.add(json("a trailing space in a date", patient("\"birthDate\":\"1990-01-01 \"")));
        cases.add(json("a date without dashes", patient("\"birthDate\":\"19900101\"")));
        cases.add(json("a date with a plus sign", patient("\"birthDate\":\"+1990-01-01\"")));
        cases.add(json("a five-digit year", patient("\"birthDate\":\"99999-01-01\"")));
        cases.add(json("an empty date", patient("\"birthDate\":\"\"")));
        cases.add(json("hour 25", patient("\"deceasedDateTime\":\"2020-01-01T25:00:00Z\"")));
        cases.add(json("a time without a zone", patient("\"deceasedDateTime\":\"2020-01-01T10:00:00\"")));
        cases.add(json("lastUpdated yesterday", patient("\"meta\":{\"lastUpdated\":\"yesterday\"}")));
        cases.add(json("a gender outside its required codes", patient("\"gender\":\"hostile\"")));
        cases.add(json("an id with spaces", patient("\"id\":\"has spaces\"")));
        cases.add(json("an id of 65 characters", patient("\"id\":\"" + "a".repeat(65) + "\"")));
        cases.add(json("an id with a path", patient("\"id\":\"../../etc\"")));
    }

    private static void decimals(List<HostileCase> cases) {
        // Syntax JSON does not have.
        for (String value : List.of("NaN", "Infinity", "-Infinity", "01", ".5", "1.", "0x10", "1e", "--1", "\"12\"")) {
            cases.add(new HostileCase(Family.JSON, "decimal " + value)
                    .post("/fhir/Observation")
                    .body(OBSERVATION_VALUE.formatted(value)));
        }
        // Valid JSON numbers no FHIR decimal should hold: parsing or indexing them must not blow up. Observation is
        // profile-validated, so a 422 from the validator is a correct refusal too.
        for (String value : List.of("1e99999", "-1e99999", "1e-99999", "1" + "0".repeat(10_000))) {
            cases.add(new HostileCase(Family.JSON, "decimal " + (value.length() > 20 ? "of 10,001 digits" : value))
                    .post("/fhir/Observation")
                    .body(OBSERVATION_VALUE.formatted(value))
                    .expect(400, 413, 422));
        }
    }

    private static HostileCase xml(String name, String body) {
        return new HostileCase(Family.XML, name)
                .post("/fhir/Patient")
                .header("Content-Type", "application/fhir+xml")
                .body(body);
    }

    private static final String NS = "xmlns=\"http://hl7.org/fhir\"";

    private static void xml(List<HostileCase> cases) {
        cases.add(xml("truncated", "<Patient " + NS + "><name><family value=\"Sm"));
        cases.add(xml("not well-formed", "<Patient " + NS + "><name></Patient>"));
        cases.add(xml("two root elements", "<Patient " + NS + "/><Patient " + NS + "/>"));
        cases.add(xml(
                        "an external entity (XXE)",
                        "<?xml version=\"1.0\"?><!DOCTYPE Patient [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                                + "<Patient " + NS + "><name><family value=\"&xxe;\"/></name></Patient>")
                .mustNotEcho("root:x:0:0"));
        cases.add(xml(
                "nested entity expansion (billion laughs)",
                "<?xml version=\"1.0\"?><!DOCTYPE Patient [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                        + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
                        + "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
                        + "<Patient " + NS + "><name><family value=\"&i;\"/></name></Patient>"));
        cases.add(xml(
                "an external DTD",
                "<?xml version=\"1.0\"?><!DOCTYPE Patient SYSTEM \"http://127.0.0.1:9/hostile.dtd\">" + "<Patient " + NS
                        + "/>"));
        cases.add(xml(
                        "an XInclude",
                        "<Patient " + NS + " xmlns:xi=\"http://www.w3.org/2001/XInclude\"><name><family value=\"x\"/>"
                                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></name></Patient>")
                .mustNotEcho("root:x:0:0"));
        cases.add(xml(
                "a wrong namespace",
                "<Patient xmlns=\"http://hostile.example/fhir\"><active value=\"true\"/></Patient>"));
        cases.add(xml("no namespace", "<Patient><active value=\"true\"/></Patient>"));
        cases.add(xml("an unknown element", "<Patient " + NS + "><hostileElement value=\"1\"/></Patient>"));
        cases.add(xml("February 30th", "<Patient " + NS + "><birthDate value=\"1990-02-30\"/></Patient>"));
        cases.add(xml("a leading space in a date", "<Patient " + NS + "><birthDate value=\" 1990-01-01\"/></Patient>"));
        cases.add(xml(
                "a character reference to NUL",
                "<Patient " + NS + "><name><family value=\"a&#0;b\"/></name></Patient>"));
        cases.add(xml(
                "a character reference to a surrogate",
                "<Patient " + NS + "><name><family value=\"a&#xD800;b\"/></name></Patient>"));
        cases.add(new HostileCase(Family.XML, "an invalid UTF-8 byte")
                .post("/fhir/Patient")
                .header("Content-Type", "application/fhir+xml")
                .body(Bytes.of(
                        "<Patient " + NS + "><name><family value=\"a", bytes(0xC3, 0x28), "\"/></name></Patient>")));
        cases.add(xml(
                "a duplicate attribute",
                "<Patient " + NS + "><birthDate value=\"1990-01-01\" value=\"2000-01-01\"/></Patient>"));
        cases.add(xml("a value as element text", "<Patient " + NS + "><birthDate>1990-01-01</birthDate></Patient>"));
        cases.add(xml(
                "declared UTF-16 but sent as UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Patient " + NS + "><active value=\"true\"/></Patient>"));
        cases.add(xml("a boolean of yes", "<Patient " + NS + "><active value=\"yes\"/></Patient>"));
        cases.add(xml("JSON sent as XML", patient("\"active\":true")));
        cases.add(new HostileCase(Family.XML, "XML sent as JSON")
                .post("/fhir/Patient")
                .body("<Patient " + NS + "><active value=\"true\"/></Patient>"));
        cases.add(new HostileCase(Family.XML, "a decimal of 1e99999")
                .post("/fhir/Observation")
                .header("Content-Type", "application/fhir+xml")
                .body("<Observation " + NS + "><status value=\"final\"/><code><text value=\"x\"/></code>"
                        + "<subject><reference value=\"Patient/{patient}\"/></subject>"
                        + "<valueQuantity><value value=\"1e99999\"/></valueQuantity></Observation>")
                .expect(400, 422));
    }

    private static void types(List<HostileCase> cases) {
        for (String type : STORED_TYPES) {
            // Nobody may write AuditEvent: refusing it before parsing the body (403) is as correct as 400.
            int[] refused = type.equals("AuditEvent") ? new int[] {400, 403} : new int[] {400};
            String start = "{\"resourceType\":\"" + type + "\",";
            String[][] bodies = {
                {"truncated", start + "\"language\":\"e"},
                {"a number for a code", start + "\"language\":12}"},
                {"a null element", start + "\"language\":null}"},
                {"duplicate keys", start + "\"language\":\"en\",\"language\":\"fr\"}"},
                {"an unknown element", start + "\"hostileElement\":true}"},
                {"a leading space in meta.lastUpdated", start + "\"meta\":{\"lastUpdated\":\" 2024-01-01T00:00:00Z\"}}"
                },
                {"a NUL in a uri", start + "\"implicitRules\":\"http://example.org/a\\u0000b\"}"},
                {
                    "a lone surrogate in an extension",
                    start + "\"extension\":[{\"url\":\"http://example.org/x\",\"valueString\":\"a\\ud800b\"}]}"
                },
            };
            for (String[] body : bodies) {
                cases.add(new HostileCase(Family.TYPES, type + " with " + body[0])
                        .post("/fhir/" + type)
                        .body(body[1])
                        .expect(refused));
            }
            cases.add(new HostileCase(Family.TYPES, type + " with an extension decimal of 1e99999")
                    .post("/fhir/" + type)
                    .body(start + "\"extension\":[{\"url\":\"http://example.org/x\",\"valueDecimal\":1e99999}]}")
                    .expect(type.equals("AuditEvent") ? new int[] {400, 403, 422} : new int[] {400, 422}));
        }
    }

    private static HostileCase family(String name, String jsonStringContent) {
        return new HostileCase(Family.UNICODE, name)
                .post("/fhir/Patient")
                .body(patient("\"name\":[{\"family\":\"" + jsonStringContent + "\"}]"));
    }

    private static HostileCase familyBytes(String name, int... inside) {
        return new HostileCase(Family.UNICODE, name)
                .post("/fhir/Patient")
                .body(Bytes.of("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"a", bytes(inside), "b\"}]}"));
    }

    private static void unicode(List<HostileCase> cases) {
        // Escapes that decode to no Unicode text.
        cases.add(family("a lone high surrogate", "\\ud800"));
        cases.add(family("a lone low surrogate", "\\udc00"));
        cases.add(family("a reversed surrogate pair", "\\ude00\\ud83d"));
        cases.add(family("a high surrogate at the end", "abc\\ud83d"));
        cases.add(family("a high surrogate before a letter", "\\ud83dA"));
        cases.add(family("an escaped NUL", "a\\u0000b"));
        cases.add(family("an escaped U+0001", "a\\u0001b"));
        cases.add(family("an escaped terminal escape sequence", "\\u001b[31mred"));
        cases.add(family("only spaces", "   "));
        cases.add(family("an empty string", ""));
        cases.add(family("an invalid escape", "\\x41"));
        cases.add(family("a short unicode escape", "\\u12"));
        cases.add(family("a non-hex unicode escape", "\\uZZZZ"));
        // U+FFFF is a noncharacter but FHIR only forbids code points below 32: storing it is as correct as refusing.
        cases.add(family("the noncharacter U+FFFF", "a\\uffffb")
                .expect(Expect.successOr(400))
                .mayWrite());
        // Controls: text that is valid, however exotic, is stored as sent.
        cases.add(family("control: an emoji as an escaped pair", "\\ud83d\\ude00")
                .expect(Expect.success())
                .mayWrite());
        cases.add(family("control: CJK, right-to-left override and combining marks", "山田 \\u202e evil e\\u0301")
                .expect(Expect.success())
                .mayWrite());
        cases.add(family("control: 2,000 combining marks", "Z" + "\\u0301".repeat(2_000))
                .expect(Expect.success())
                .mayWrite());
        // Raw bytes that are not UTF-8, or are control bytes JSON forbids inside strings.
        cases.add(familyBytes("a raw NUL byte inside a string", 0x00));
        cases.add(familyBytes("a raw U+0001 byte inside a string", 0x01));
        cases.add(familyBytes("a raw newline inside a string", 0x0A));
        cases.add(familyBytes("the byte 0xFF", 0xFF));
        cases.add(familyBytes("an invalid continuation (C3 28)", 0xC3, 0x28));
        cases.add(familyBytes("a truncated sequence (E2 82)", 0xE2, 0x82));
        cases.add(familyBytes("an overlong slash (C0 AF)", 0xC0, 0xAF));
        cases.add(familyBytes("an overlong quote (C0 A2)", 0xC0, 0xA2));
        cases.add(familyBytes("a UTF-8-encoded surrogate (ED A0 80)", 0xED, 0xA0, 0x80));
        cases.add(familyBytes("a code point beyond U+10FFFF (F4 90 80 80)", 0xF4, 0x90, 0x80, 0x80));
        cases.add(familyBytes("a five-byte sequence", 0xF8, 0x88, 0x80, 0x80, 0x80));
        cases.add(familyBytes("Latin-1 declared as UTF-8", 0xE9));
        cases.add(new HostileCase(Family.UNICODE, "a raw NUL byte between tokens")
                .post("/fhir/Patient")
                .body(Bytes.of("{\"resourceType\":\"Patient\",", bytes(0x00), "\"active\":true}")));
        cases.add(new HostileCase(Family.UNICODE, "UTF-16LE declared as UTF-8")
                .post("/fhir/Patient")
                .header("Content-Type", "application/fhir+json; charset=UTF-8")
                .body(f -> patient("\"active\":true").getBytes(StandardCharsets.UTF_16LE)));
        // RFC 8259: a parser may ignore a byte order mark, or refuse it.
        cases.add(new HostileCase(Family.UNICODE, "a byte order mark before the body")
                .post("/fhir/Patient")
                .body(Bytes.of(bytes(0xEF, 0xBB, 0xBF), patient("\"active\":true")))
                .expect(Expect.successOr(400))
                .mayWrite());
        // The same in search values: a value that decodes to no text cannot be searched for.
        cases.add(
                new HostileCase(Family.UNICODE, "search for an encoded surrogate").get("/fhir/Patient?name=%ED%A0%80"));
        cases.add(new HostileCase(Family.UNICODE, "search for an overlong slash").get("/fhir/Patient?name=%C0%AF"));
        cases.add(new HostileCase(Family.UNICODE, "search for the byte 0xFF").get("/fhir/Patient?name=%FF"));
        cases.add(new HostileCase(Family.UNICODE, "search for an encoded U+0001").get("/fhir/Patient?name=a%01b"));
        cases.add(new HostileCase(Family.UNICODE, "control: search for an emoji")
                .get("/fhir/Patient?name=%F0%9F%98%80")
                .expect(Expect.success()));
        cases.add(new HostileCase(Family.UNICODE, "an id that is an emoji")
                .get("/fhir/Patient/%F0%9F%98%80")
                .expect(400, 404));
    }

    private static void oversized(List<HostileCase> cases) {
        cases.add(new HostileCase(Family.OVERSIZED, "a QuestionnaireResponse with 100,000 items")
                .post("/fhir/QuestionnaireResponse")
                .body(f -> f.resolve("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
                                + "\"subject\":{\"reference\":\"Patient/{patient}\"},\"item\":["
                                + repeat("{\"linkId\":\"x\",\"answer\":[{\"valueBoolean\":true}]}", ",", 100_000)
                                + "]}")
                        .getBytes(StandardCharsets.UTF_8))
                .expect(413));
        cases.add(new HostileCase(Family.OVERSIZED, "a screening response with 100,000 items")
                .post("/fhir/QuestionnaireResponse")
                .body(screening(r -> {
                    var group = r.getItemFirstRep();
                    for (int i = 0; i < 100_000; i++) {
                        group.addItem()
                                .setLinkId("context.hostile-" + i)
                                .addAnswer()
                                .setValue(new StringType("x"));
                    }
                }))
                .expect(413, 422));
        cases.add(new HostileCase(Family.OVERSIZED, "a Patient with 200,000 given names")
                .post("/fhir/Patient")
                .generated(() ->
                        patient("\"name\":[{\"family\":\"Many\",\"given\":[" + repeat("\"g\"", ",", 200_000) + "]}]"))
                .expect(413));
        cases.add(new HostileCase(Family.OVERSIZED, "a Patient with 20,000 contained resources")
                .post("/fhir/Patient")
                .generated(() -> {
                    var contained = new StringBuilder();
                    for (int i = 0; i < 20_000; i++) {
                        contained
                                .append(i == 0 ? "" : ",")
                                .append("{\"resourceType\":\"Practitioner\",\"id\":\"p")
                                .append(i)
                                .append("\"}");
                    }
                    return patient(
                            "\"contained\":[" + contained + "]," + "\"generalPractitioner\":[{\"reference\":\"#p1\"}]");
                })
                .expect(413));
        cases.add(new HostileCase(Family.OVERSIZED, "extensions nested 2,000 deep")
                .post("/fhir/Patient")
                .generated(() -> patient("\"extension\":[" + nestedExtension(2_000) + "]"))
                .expect(400, 413));
        cases.add(new HostileCase(Family.OVERSIZED, "extensions nested 900 deep")
                .post("/fhir/Patient")
                .generated(() -> patient("\"extension\":[" + nestedExtension(900) + "]"))
                .expect(400, 413));
        cases.add(new HostileCase(Family.OVERSIZED, "JSON arrays nested 100,000 deep")
                .post("/fhir/Patient")
                .generated(() -> patient("\"name\":" + "[".repeat(100_000) + "]".repeat(100_000)))
                .expect(400, 413));
        cases.add(new HostileCase(Family.OVERSIZED, "XML elements nested 10,000 deep")
                .post("/fhir/Patient")
                .header("Content-Type", "application/fhir+xml")
                .generated(() -> "<Patient " + NS + ">"
                        + "<extension url=\"http://example.org/x\">".repeat(10_000)
                        + "</extension>".repeat(10_000) + "</Patient>")
                .expect(400, 413));
        cases.add(new HostileCase(Family.OVERSIZED, "questionnaire items nested 1,000 deep")
                .post("/fhir/QuestionnaireResponse")
                .generated(() -> "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":["
                        + "{\"linkId\":\"x\",\"item\":[".repeat(1_000)
                        + "{\"linkId\":\"leaf\"}"
                        + "]}".repeat(1_000) + "]}")
                .expect(400, 413, 422));
        cases.add(new HostileCase(Family.OVERSIZED, "a family name of 25 million characters")
                .post("/fhir/Patient")
                .generated(() -> patient("\"name\":[{\"family\":\"" + "a".repeat(25_000_000) + "\"}]"))
                .expect(413));
        cases.add(new HostileCase(Family.OVERSIZED, "a family name of 5 million characters")
                .post("/fhir/Patient")
                .generated(() -> patient("\"name\":[{\"family\":\"" + "a".repeat(5_000_000) + "\"}]"))
                // Within the body limit, beyond FHIR's megabyte for a string.
                .expect(400, 413));
        cases.add(new HostileCase(Family.OVERSIZED, "a Patient padded with 30 MB of whitespace")
                .post("/fhir/Patient")
                .generated(() -> "{\"resourceType\":\"Patient\"," + " ".repeat(30_000_000) + "\"active\":true}")
                .expect(413));
        cases.add(new HostileCase(Family.OVERSIZED, "an Observation with 50,000 components")
                .post("/fhir/Observation")
                .generated(() -> "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                        + "\"component\":["
                        + repeat("{\"code\":{\"text\":\"c\"},\"valueInteger\":1}", ",", 50_000) + "]}")
                .expect(413, 422));
        cases.add(new HostileCase(Family.OVERSIZED, "a narrative of 20 MB")
                .post("/fhir/Patient")
                .generated(() -> patient(
                        "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
                                + "<p>x</p>".repeat(2_500_000) + "</div>\"}"))
                .expect(413));
    }

    private static String nestedExtension(int depth) {
        return "{\"url\":\"http://example.org/x\",\"extension\":[".repeat(depth - 1)
                + "{\"url\":\"http://example.org/x\",\"valueBoolean\":true}"
                + "]}".repeat(depth - 1);
    }

    /**
     * A shipped example screening (adult, negative) for the screened patient with a fresh identifier, changed as
     * the case says, encoded when sent.
     */
    static Function<Fixtures, byte[]> screening(Consumer<QuestionnaireResponse> change) {
        return screeningText(change, UnaryOperator.identity());
    }

    /** As {@link #screening}, then the encoded JSON edited as text (for what the model cannot hold). */
    static Function<Fixtures, byte[]> screeningText(
            Consumer<QuestionnaireResponse> change, UnaryOperator<String> edit) {
        return fixtures -> {
            var response = PackageExamples.example(QuestionnaireResponse.class, "adult-screening-negative")
                    .copy();
            response.setId((String) null);
            response.setSubject(new Reference("Patient/" + fixtures.screeningPatient()));
            response.setAuthor(new Reference("Practitioner/" + fixtures.practitioner()));
            response.getIdentifier().setValue("hostile-" + UUID.randomUUID());
            change.accept(response);
            String json = FhirClients.context().newJsonParser().encodeResourceToString(response);
            return fixtures.resolve(edit.apply(json)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static QuestionnaireResponseItemComponent item(QuestionnaireResponse response, String linkId) {
        for (var group : response.getItem()) {
            for (var item : group.getItem()) {
                if (item.getLinkId().equals(linkId)) {
                    return item;
                }
            }
        }
        throw new IllegalArgumentException("no item " + linkId);
    }

    private static HostileCase screeningCase(String name, Function<Fixtures, byte[]> body) {
        return new HostileCase(Family.SCREENING, name)
                .post("/fhir/QuestionnaireResponse")
                .body(body)
                .expect(422);
    }

    private static void screening(List<HostileCase> cases) {
        String answer = "https://safeguardfhir.org/fhir/CodeSystem/screening-answer";
        // The validator's verdicts: each breaks the screening-response profile or its Questionnaire.
        cases.add(screeningCase("without a subject", screening(r -> r.setSubject(null))));
        cases.add(screeningCase(
                "about a Practitioner", screening(r -> r.setSubject(new Reference("Practitioner/{practitioner}")))));
        // A renderer does not know who is signed in: the server records the submitter from the token.
        cases.add(screeningCase("without an author", screening(r -> r.setAuthor(null)))
                .expect(Expect.success())
                .mayWrite());
        cases.add(screeningCase("an answer code outside the item's value set", screening(r -> item(r, "private.unsafe")
                .getAnswerFirstRep()
                .setValue(new Coding(answer, "hostile", null)))));
        cases.add(screeningCase("an answer code from another system", screening(r -> item(r, "private.unsafe")
                .getAnswerFirstRep()
                .setValue(new Coding("javascript:alert(1)", "no", null)))));
        cases.add(screeningCase(
                "a string where a coded answer belongs",
                screening(r -> item(r, "private.unsafe").getAnswerFirstRep().setValue(new StringType("no")))));
        cases.add(screeningCase(
                "two answers to a single-answer item",
                screening(r -> item(r, "private.unsafe").addAnswer().setValue(new Coding(answer, "yes", null)))));
        cases.add(screeningCase("an item the questionnaire does not have", screening(r -> r.getItemFirstRep()
                .addItem()
                .setLinkId("context.hostile")
                .addAnswer()
                .setValue(new StringType("x")))));
        cases.add(screeningCase("the private section twice", screening(r -> r.getItem()
                .add(r.getItem().get(1).copy()))));
        cases.add(screeningCase("no items at all", screening(r -> r.getItem().clear())));
        cases.add(screeningCase(
                "a questionnaire version that does not exist",
                screening(r -> r.setQuestionnaire(Fixtures.SCREENING_QUESTIONNAIRE + "|9.9.9"))));
        cases.add(screeningCase(
                "an empty questionnaire version",
                screening(r -> r.setQuestionnaire(Fixtures.SCREENING_QUESTIONNAIRE + "|"))));
        // 200 levels of item and answer are 800 JSON levels, within what Jackson writes (1000) and far beyond
        // safeguard.limits.max-depth.
        cases.add(screeningCase("answers nested 200 deep", screening(r -> {
                    var answerOf = item(r, "private.unsafe").getAnswerFirstRep();
                    for (int i = 0; i < 200; i++) {
                        answerOf = answerOf.addItem()
                                .setLinkId("private.unsafe.hostile-" + i)
                                .addAnswer()
                                .setValue(new Coding(answer, "no", null));
                    }
                }))
                .expect(413, 422));
        cases.add(screeningCase("a profile claim of someone else's", screening(r -> {
            item(r, "private.unsafe").getAnswerFirstRep().setValue(new Coding(answer, "hostile", null));
            r.getMeta().getProfile().clear();
            r.getMeta().addProfile("https://hostile.example/StructureDefinition/anything-goes");
        })));
        cases.add(screeningCase("a contained subject", screening(r -> {
            var patient = new org.hl7.fhir.r4.model.Patient();
            patient.setId("p");
            r.addContained(patient);
            r.setSubject(new Reference("#p"));
        })));
        // Parse errors inside a screening: 400, like any malformed body.
        cases.add(screeningCase(
                        "authored is not a date",
                        screeningText(
                                r -> {}, json -> json.replaceFirst("\"authored\":\"[^\"]*\"", "\"authored\":\"soon\"")))
                .expect(400));
        cases.add(screeningCase(
                        "a boolean answer of yes",
                        screeningText(
                                r -> {}, json -> json.replace("\"valueBoolean\":true", "\"valueBoolean\":\"yes\"")))
                .expect(400));
        // A reference to nothing: refused by referential integrity (400/404) or by the profile (422).
        cases.add(screeningCase(
                        "about a Patient that does not exist",
                        screening(r -> r.setSubject(new Reference("Patient/hostile-does-not-exist"))))
                .expect(400, 404, 422));
        cases.add(new HostileCase(Family.SCREENING, "an invalid answer inside a transaction")
                .post("/fhir")
                .body(f -> {
                    String response = new String(
                            screening(r -> item(r, "private.unsafe")
                                            .getAnswerFirstRep()
                                            .setValue(new Coding(answer, "hostile", null)))
                                    .apply(f),
                            StandardCharsets.UTF_8);
                    return ("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + response
                                    + ",\"request\":{\"method\":\"POST\",\"url\":\"QuestionnaireResponse\"}}]}")
                            .getBytes(StandardCharsets.UTF_8);
                })
                .expect(422));
        cases.add(new HostileCase(Family.SCREENING, "an update changing the screening's subject to nothing")
                .put("/fhir/QuestionnaireResponse/{screening}")
                .body(screening(r -> {
                    r.setId("{screening}");
                    r.setSubject(null);
                }))
                .expect(422));
        cases.add(new HostileCase(Family.SCREENING, "a status outside its codes")
                .post("/fhir/QuestionnaireResponse")
                .body(screeningText(
                        r -> {}, json -> json.replace("\"status\":\"completed\"", "\"status\":\"hostile\"")))
                .expect(400));
        cases.add(new HostileCase(Family.SCREENING, "validated with $validate and a broken answer")
                .post("/fhir/QuestionnaireResponse/$validate")
                .body(screening(r ->
                        item(r, "private.unsafe").getAnswerFirstRep().setValue(new Coding(answer, "hostile", null))))
                // $validate reports the errors in its OperationOutcome: 200 (FHIR), or HAPI's 412/422.
                .expect(Expect.successOr(412, 422)));
        // A researcher may write nothing: 403 before the body matters.
        cases.add(screeningCase("without a subject, from a researcher", screening(r -> r.setSubject(null)))
                .as(Auth.RESEARCHER)
                .expect(403));
    }
}
