package org.safeguardfhir.server.hostile;

import static org.safeguardfhir.server.hostile.Bytes.bytes;
import static org.safeguardfhir.server.hostile.Bytes.repeat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.safeguardfhir.server.hostile.HostileCase.Auth;
import org.safeguardfhir.server.hostile.HostileCase.Expect;
import org.safeguardfhir.server.hostile.HostileCase.Family;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.TestTokens;

/**
 * The cases about the request itself: headers, methods, conditional interactions, bundles, search, PATCH, operations,
 * the {@code Host} a link is built from, paths, and requests Tomcat refuses before any servlet sees them.
 */
final class RequestCases {

    /** A valid update of the fixture Patient: a case that makes it fail must be refused for its headers alone. */
    static final String PATIENT_UPDATE = "{\"resourceType\":\"Patient\",\"id\":\"{patient}\",\"active\":true}";

    static final String NEW_PATIENT = "{\"resourceType\":\"Patient\",\"active\":true}";

    private static final String JSON_PATCH = "application/json-patch+json";

    private RequestCases() {}

    static List<HostileCase> all() {
        var cases = new ArrayList<HostileCase>();
        headers(cases);
        authentication(cases);
        methods(cases);
        conditional(cases);
        bundles(cases);
        search(cases);
        patch(cases);
        operations(cases);
        host(cases);
        paths(cases);
        protocol(cases);
        return cases;
    }

    private static HostileCase update(String name) {
        return new HostileCase(Family.HEADERS, name)
                .put("/fhir/Patient/{patient}")
                .body(PATIENT_UPDATE);
    }

    private static HostileCase read(String name) {
        return new HostileCase(Family.HEADERS, name).get("/fhir/Patient/{patient}");
    }

    private static HostileCase create(String name) {
        return new HostileCase(Family.HEADERS, name).post("/fhir/Patient").body(NEW_PATIENT);
    }

    private static void headers(List<HostileCase> cases) {
        // If-Match is an entity tag, W/"<version>": anything else must not be read as some version, nor ignored.
        cases.add(update("If-Match unquoted").header("If-Match", "1").expect(400, 412));
        cases.add(update("If-Match non-numeric").header("If-Match", "W/\"abc\"").expect(400, 412));
        cases.add(
                update("If-Match a list").header("If-Match", "W/\"1\", W/\"2\"").expect(400, 412));
        cases.add(update("If-Match a 40-digit version")
                .header("If-Match", "W/\"1234567890123456789012345678901234567890\"")
                .expect(400, 412));
        cases.add(update("If-Match empty quotes").header("If-Match", "W/\"\"").expect(400, 412));
        cases.add(update("If-Match a negative version")
                .header("If-Match", "W/\"-1\"")
                .expect(400, 412));
        cases.add(update("If-Match unterminated").header("If-Match", "W/\"1").expect(400, 412));
        cases.add(update("If-Match W/ without quotes").header("If-Match", "W/1").expect(400, 412));
        cases.add(update("If-Match a version with a fraction")
                .header("If-Match", "W/\"1.5\"")
                .expect(400, 412));
        cases.add(update("If-Match followed by 6 KB of garbage")
                .header("If-Match", "W/\"1\"" + "x".repeat(6_000))
                .expect(400, 412, 431));
        cases.add(update("If-Match on a stale version")
                .header("If-Match", "W/\"999\"")
                .expect(412));
        cases.add(update("If-None-Match * on an existing resource")
                .header("If-None-Match", "*")
                .expect(400, 412));
        // If-None-Match on a read: garbage matches nothing (200) or is refused (400); it must not break the read.
        cases.add(
                read("If-None-Match garbage").header("If-None-Match", "garbage").expect(Expect.successOr(400)));
        cases.add(read("If-None-Match non-numeric")
                .header("If-None-Match", "W/\"abc\"")
                .expect(Expect.successOr(400)));
        cases.add(read("If-None-Match a 25-digit version")
                .header("If-None-Match", "W/\"9999999999999999999999999\"")
                .expect(Expect.successOr(400)));
        cases.add(read("control: If-None-Match the current version")
                .header("If-None-Match", "W/\"1\"")
                .expect(304));
        // RFC 9110 13.1.3: an If-Modified-Since that is not an HTTP-date is ignored.
        cases.add(read("If-Modified-Since garbage")
                .header("If-Modified-Since", "garbage")
                .expect(Expect.success()));
        cases.add(read("If-Modified-Since an impossible date")
                .header("If-Modified-Since", "Mon, 32 Foo 99999 99:99:99 GMT")
                .expect(Expect.success()));
        cases.add(
                read("If-Modified-Since zero").header("If-Modified-Since", "0").expect(Expect.success()));
        // If-None-Exist is a search: one that cannot run must refuse the create, not create unconditionally.
        cases.add(create("If-None-Exist with an unknown parameter").header("If-None-Exist", "hostile=1"));
        cases.add(create("If-None-Exist not a query").header("If-None-Exist", "%%%"));
        cases.add(create("If-None-Exist an empty identifier").header("If-None-Exist", "identifier="));
        cases.add(create("If-None-Exist with _count=abc").header("If-None-Exist", "_count=abc"));
        cases.add(create("If-None-Exist with a bad date").header("If-None-Exist", "birthdate=garbage"));
        cases.add(create("If-None-Exist a lone ampersand").header("If-None-Exist", "&"));
        cases.add(create("If-None-Exist with an unknown modifier").header("If-None-Exist", "identifier:hostile=x"));
        // Content-Type: a body the server cannot read as declared is 415 (or 400), never parsed anyway.
        cases.add(create("Content-Type text/plain")
                .header("Content-Type", "text/plain")
                .expect(400, 415));
        cases.add(create("Content-Type application/xml with JSON")
                .header("Content-Type", "application/xml")
                .expect(400, 415));
        cases.add(create("Content-Type fhir+xml with JSON")
                .header("Content-Type", "application/fhir+xml")
                .expect(400, 415));
        cases.add(create("Content-Type form-urlencoded")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .expect(400, 415));
        cases.add(create("Content-Type multipart without parts")
                .header("Content-Type", "multipart/form-data; boundary=hostile")
                .expect(400, 415));
        cases.add(create("Content-Type with an unknown charset")
                .header("Content-Type", "application/fhir+json; charset=hostile")
                .expect(400, 415));
        cases.add(create("Content-Type with fhirVersion 9.9")
                .header("Content-Type", "application/fhir+json; fhirVersion=9.9")
                .expect(400, 406, 415));
        cases.add(create("Content-Type of semicolons")
                .header("Content-Type", ";;;")
                .expect(400, 415));
        cases.add(create("no Content-Type").noContentType().expect(400, 415));
        cases.add(create("Content-Type json-patch on a create")
                .header("Content-Type", JSON_PATCH)
                .expect(400, 415));
        cases.add(create("Content-Type with 6 KB of parameters")
                .header("Content-Type", "application/fhir+json" + "; a=b".repeat(1_200))
                .expect(400, 415, 431));
        // Accept and _format.
        cases.add(read("Accept an unknown type")
                .header("Accept", "application/x-hostile")
                .expect(Expect.successOr(406)));
        cases.add(read("Accept with fhirVersion 1.0")
                .header("Accept", "application/fhir+json; fhirVersion=1.0")
                .expect(Expect.successOr(406)));
        cases.add(new HostileCase(Family.HEADERS, "_format unknown")
                .get("/fhir/Patient/{patient}?_format=hostile")
                .expect(400, 406));
        // Prefer: RFC 7240 says ignore what is not understood, FHIR's handling=strict says refuse unknown parameters.
        cases.add(new HostileCase(Family.HEADERS, "control: Prefer garbage on a search")
                .get("/fhir/Patient?_count=1")
                .header("Prefer", "return=hostile;;;===, ,")
                .expect(Expect.success()));
        cases.add(new HostileCase(Family.HEADERS, "Prefer handling=strict with an unknown parameter")
                .get("/fhir/Patient?hostile=1")
                .header("Prefer", "handling=strict"));
        cases.add(new HostileCase(Family.HEADERS, "control: Prefer handling=lenient with an unknown parameter")
                .get("/fhir/Patient?hostile=1&_count=1")
                .header("Prefer", "handling=lenient")
                .expect(Expect.success()));
        cases.add(new HostileCase(Family.HEADERS, "Prefer handling=hostile with an unknown parameter")
                .get("/fhir/Patient?hostile=1")
                .header("Prefer", "handling=hostile"));
        cases.add(create("Prefer return=hostile on a create")
                .header("Prefer", "return=hostile")
                .expect(Expect.successOr(400))
                .mayWrite());
        cases.add(new HostileCase(Family.HEADERS, "Prefer of 6 KB")
                .get("/fhir/Patient?_count=1")
                .header("Prefer", "return=" + "x".repeat(6_000))
                .expect(Expect.successOr(400, 431)));
        // Header sizes: Tomcat's limit is 8 KB for the whole head; what it answers must still be an OperationOutcome.
        cases.add(read("a header of 100 KB")
                .header("X-Hostile", "a".repeat(100_000))
                .expect(400, 431));
        var many = read("150 headers").expect(400, 431);
        for (int i = 0; i < 150; i++) {
            many.header("X-Hostile-" + i, "v");
        }
        cases.add(many);
        cases.add(read("a cookie of 50 KB")
                .header("Cookie", "a=" + "b".repeat(50_000))
                .expect(400, 431));
        cases.add(read("control: a header of 6 KB")
                .header("X-Hostile", "a".repeat(6_000))
                .expect(Expect.success()));
        cases.add(read("X-HTTP-Method-Override DELETE on a read")
                .header("X-HTTP-Method-Override", "DELETE")
                .expect(Expect.successOr(400, 405)));
    }

    private static String noneToken() {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(
                TestTokens.claims(Role.SAFEGUARDING_LEAD).build().toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static HostileCase unauthenticated(String name, String authorization) {
        var c = new HostileCase(Family.AUTH, name)
                .get("/fhir/Patient/{patient}")
                .as(Auth.NONE)
                .expect(401);
        return authorization == null ? c : c.header("Authorization", authorization);
    }

    private static void authentication(List<HostileCase> cases) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = TestTokens.sign(TestTokens.claims(Role.SAFEGUARDING_LEAD)
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build());
        String foreign =
                TestTokens.sign(TestTokens.claims(Role.SAFEGUARDING_LEAD).build(), TestTokens.otherKey());
        String otherIssuer = TestTokens.sign(TestTokens.claims(Role.SAFEGUARDING_LEAD)
                .issuer("https://hostile.example")
                .build());
        JWTClaimsSet rolesAsNumber =
                TestTokens.claims(Role.SAFEGUARDING_LEAD).claim("roles", 42).build();
        cases.add(unauthenticated("no Authorization", null));
        cases.add(unauthenticated("Bearer and nothing", "Bearer "));
        cases.add(unauthenticated("Bearer garbage", "Bearer hostile"));
        cases.add(unauthenticated("Bearer a.b.c", "Bearer a.b.c"));
        cases.add(unauthenticated("an unsigned token (alg none)", "Bearer " + noneToken()));
        cases.add(unauthenticated("a token signed by another key", "Bearer " + foreign));
        cases.add(unauthenticated("an expired token", "Bearer " + expired));
        cases.add(unauthenticated("a token from another issuer", "Bearer " + otherIssuer));
        cases.add(unauthenticated("Basic credentials", "Basic dXNlcjpwYXNz"));
        cases.add(unauthenticated("a token with trailing garbage", "Bearer {token}garbage"));
        cases.add(
                unauthenticated("Bearer of 7 KB", "Bearer " + "a".repeat(7_000)).expect(400, 401, 431));
        cases.add(unauthenticated("a token whose roles are a number", "Bearer " + TestTokens.sign(rolesAsNumber))
                .expect(401, 403));
        cases.add(unauthenticated("two Authorization headers", "Bearer {token}")
                .header("Authorization", "Bearer hostile")
                .expect(400, 401));
        cases.add(new HostileCase(Family.AUTH, "an unauthenticated transaction")
                .post("/fhir")
                .as(Auth.NONE)
                .body("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + NEW_PATIENT
                        + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}")
                .expect(401));
        cases.add(new HostileCase(Family.AUTH, "an unauthenticated malformed body")
                .post("/fhir/Patient")
                .as(Auth.NONE)
                .body("{\"resourceType\":\"Pat")
                .expect(401));
    }

    private static HostileCase method(String name, String method, String path) {
        return new HostileCase(Family.METHODS, name).request(method, path).expect(400, 405);
    }

    private static void methods(List<HostileCase> cases) {
        cases.add(method("TRACE on a type", "TRACE", "/fhir/Patient"));
        cases.add(method("TRACE on metadata", "TRACE", "/fhir/metadata"));
        cases.add(method("PROPFIND", "PROPFIND", "/fhir/Patient"));
        cases.add(method("an invented method", "HOSTILE", "/fhir/Patient"));
        cases.add(method("lowercase get", "get", "/fhir/Patient/{patient}"));
        cases.add(method("PATCH without an id", "PATCH", "/fhir/Patient")
                .header("Content-Type", JSON_PATCH)
                .body("[{\"op\":\"replace\",\"path\":\"/active\",\"value\":false}]"));
        cases.add(method("DELETE on a type without criteria", "DELETE", "/fhir/Patient")
                .expect(400, 405, 412));
        cases.add(
                method("PUT on a type without criteria", "PUT", "/fhir/Patient").body(NEW_PATIENT));
        cases.add(
                method("POST on an instance", "POST", "/fhir/Patient/{patient}").body(PATIENT_UPDATE));
        cases.add(method("DELETE on the base", "DELETE", "/fhir"));
        cases.add(method("PUT on the base", "PUT", "/fhir").body(NEW_PATIENT));
        cases.add(method("PATCH on the base", "PATCH", "/fhir")
                .header("Content-Type", JSON_PATCH)
                .body("[]"));
        cases.add(method("POST on metadata", "POST", "/fhir/metadata").body(NEW_PATIENT));
        cases.add(method("DELETE on metadata", "DELETE", "/fhir/metadata"));
        cases.add(method("DELETE of one version", "DELETE", "/fhir/Patient/{patient}/_history/1"));
        cases.add(method("PUT of one version", "PUT", "/fhir/Patient/{patient}/_history/1")
                .body(PATIENT_UPDATE));
        cases.add(method("POST with X-HTTP-Method-Override DELETE", "POST", "/fhir/Patient/{patient}")
                .header("X-HTTP-Method-Override", "DELETE")
                .body(PATIENT_UPDATE));
        cases.add(method("POST with _method=DELETE", "POST", "/fhir/Patient/{patient}?_method=DELETE")
                .body(PATIENT_UPDATE));
        cases.add(method("an unknown instance operation", "GET", "/fhir/Patient/{patient}/$hostile")
                .expect(400, 404));
        cases.add(method("an unknown system operation", "POST", "/fhir/$hostile")
                .body("{\"resourceType\":\"Parameters\"}")
                .expect(400, 404));
        cases.add(method("read of an unknown type", "GET", "/fhir/Hostile").expect(404));
        cases.add(method("read of a type not stored here", "GET", "/fhir/Medication")
                .expect(404));
        cases.add(method("create of a type not stored here", "POST", "/fhir/Medication")
                .body("{\"resourceType\":\"Medication\"}")
                .expect(404));
        cases.add(method("a lowercase type", "GET", "/fhir/patient").expect(404));
        cases.add(method("control: HEAD of a Patient", "HEAD", "/fhir/Patient/{patient}")
                .expect(Expect.success()));
        cases.add(method("control: OPTIONS on the base", "OPTIONS", "/fhir").expect(Expect.successOr(405)));
    }

    private static HostileCase conditional(String name) {
        return new HostileCase(Family.CONDITIONAL, name);
    }

    private static void conditional(List<HostileCase> cases) {
        String patientBody = "{\"resourceType\":\"Patient\",\"active\":false}";
        cases.add(conditional("update matching two Patients")
                .put("/fhir/Patient?identifier={duplicateIdentifier}")
                .body(patientBody)
                .expect(412));
        cases.add(conditional("update with empty criteria")
                .put("/fhir/Patient?")
                .body(patientBody)
                .expect(400, 405));
        cases.add(conditional("update with an unknown parameter")
                .put("/fhir/Patient?hostile=1")
                .body(patientBody));
        cases.add(conditional("update with an empty identifier")
                .put("/fhir/Patient?identifier=")
                .body(patientBody));
        cases.add(conditional("update with two _id values")
                .put("/fhir/Patient?_id=a&_id=b")
                .body(patientBody)
                .expect(400, 412));
        cases.add(conditional("update with a bad date")
                .put("/fhir/Patient?birthdate=garbage")
                .body(patientBody));
        cases.add(conditional("update with criteria of another type")
                .put("/fhir/Patient?code=http://loinc.org|1")
                .body(patientBody));
        cases.add(conditional("delete matching two Patients")
                .delete("/fhir/Patient?identifier={duplicateIdentifier}")
                .expect(412));
        // An unknown parameter ignored would make this a delete of every Patient.
        cases.add(conditional("delete with an unknown parameter").delete("/fhir/Patient?hostile=1"));
        cases.add(conditional("delete with a bad percent-encoding").delete("/fhir/Patient?identifier=%zz"));
        cases.add(conditional("delete matching many Patients")
                .delete("/fhir/Patient?_lastUpdated=gt1900-01-01")
                .expect(412));
        cases.add(conditional("delete with an unknown modifier").delete("/fhir/Patient?identifier:hostile=x"));
        cases.add(conditional("patch matching two Patients")
                .patch("/fhir/Patient?identifier={duplicateIdentifier}")
                .header("Content-Type", JSON_PATCH)
                .body("[{\"op\":\"replace\",\"path\":\"/active\",\"value\":false}]")
                .expect(412));
        cases.add(conditional("patch with an unknown parameter")
                .patch("/fhir/Patient?hostile=1")
                .header("Content-Type", JSON_PATCH)
                .body("[{\"op\":\"replace\",\"path\":\"/active\",\"value\":false}]"));
        cases.add(conditional("create matching two Patients")
                .post("/fhir/Patient")
                .header("If-None-Exist", "identifier={duplicateIdentifier}")
                .body(patientBody)
                .expect(412));
        cases.add(conditional("create with an If-None-Exist of 6 KB")
                .post("/fhir/Patient")
                .header("If-None-Exist", "identifier=" + "x".repeat(6_000))
                .body(patientBody)
                .expect(Expect.successOr(400, 431))
                .mayWrite());
    }

    static String bundle(String type, String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    static String entry(String fullUrl, String resource, String method, String url) {
        var entry = new StringBuilder("{");
        if (fullUrl != null) {
            entry.append("\"fullUrl\":\"").append(fullUrl).append("\",");
        }
        if (resource != null) {
            entry.append("\"resource\":").append(resource).append(',');
        }
        entry.append("\"request\":{\"method\":\"")
                .append(method)
                .append("\",\"url\":\"")
                .append(url)
                .append("\"}}");
        return entry.toString();
    }

    private static HostileCase transaction(String name, String body) {
        return new HostileCase(Family.BUNDLES, name).post("/fhir").body(body);
    }

    private static void bundles(List<HostileCase> cases) {
        String patient = NEW_PATIENT;
        String a = "urn:uuid:" + UUID.nameUUIDFromBytes("a".getBytes(StandardCharsets.UTF_8));
        String b = "urn:uuid:" + UUID.nameUUIDFromBytes("b".getBytes(StandardCharsets.UTF_8));
        cases.add(transaction(
                "an entry without request",
                bundle("transaction", "{\"fullUrl\":\"" + a + "\",\"resource\":" + patient + "}")));
        cases.add(transaction(
                "an entry whose resource is null",
                bundle("transaction", "{\"resource\":null,\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}")));
        cases.add(
                transaction("a POST without a resource", bundle("transaction", entry(null, null, "POST", "Patient"))));
        cases.add(transaction("an empty entry", bundle("transaction", "{}")));
        cases.add(transaction("a null entry", bundle("transaction", "null")));
        cases.add(transaction(
                "entry an object, not an array",
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":{\"resource\":" + patient + "}}"));
        cases.add(transaction("an unknown method", bundle("transaction", entry(null, patient, "HOSTILE", "Patient"))));
        cases.add(transaction("a lowercase method", bundle("transaction", entry(null, patient, "post", "Patient"))));
        cases.add(transaction(
                "a request without url",
                bundle("transaction", "{\"resource\":" + patient + ",\"request\":{\"method\":\"POST\"}}")));
        cases.add(transaction(
                "a url on another server",
                bundle("transaction", entry(null, patient, "POST", "http://hostile.example/fhir/Patient"))));
        cases.add(transaction(
                "a url climbing out of the base",
                bundle("transaction", entry(null, patient, "POST", "../../actuator/env"))));
        cases.add(
                transaction("a url of an unknown type", bundle("transaction", entry(null, patient, "POST", "Hostile")))
                        .expect(400, 404));
        cases.add(transaction(
                        "a url of a type not stored here",
                        bundle("transaction", entry(null, "{\"resourceType\":\"Medication\"}", "POST", "Medication")))
                .expect(400, 404));
        cases.add(transaction(
                "a resource of another type than its url",
                bundle("transaction", entry(null, "{\"resourceType\":\"Practitioner\"}", "POST", "Patient"))));
        cases.add(transaction(
                "two entries with one fullUrl",
                bundle("transaction", entry(a, patient, "POST", "Patient"), entry(a, patient, "POST", "Patient"))));
        cases.add(transaction(
                "a fullUrl urn:uuid that is no UUID",
                bundle("transaction", entry("urn:uuid:hostile", patient, "POST", "Patient"))));
        cases.add(transaction(
                "a fullUrl urn:uuid: with nothing after it",
                bundle("transaction", entry("urn:uuid:", patient, "POST", "Patient"))));
        // A resource that references its own fullUrl, and two that reference each other: the server must resolve
        // (or refuse) them, not loop.
        cases.add(transaction(
                        "a fullUrl self-reference",
                        bundle(
                                "transaction",
                                entry(
                                        a,
                                        "{\"resourceType\":\"Patient\",\"link\":[{\"other\":{\"reference\":\"" + a
                                                + "\"},\"type\":\"seealso\"}]}",
                                        "POST",
                                        "Patient")))
                .expect(Expect.successOr(400, 422))
                .mayWrite());
        cases.add(transaction(
                        "two entries referencing each other",
                        bundle(
                                "transaction",
                                entry(
                                        a,
                                        "{\"resourceType\":\"Patient\",\"link\":[{\"other\":{\"reference\":\"" + b
                                                + "\"},\"type\":\"seealso\"}]}",
                                        "POST",
                                        "Patient"),
                                entry(
                                        b,
                                        "{\"resourceType\":\"Patient\",\"link\":[{\"other\":{\"reference\":\"" + a
                                                + "\"},\"type\":\"seealso\"}]}",
                                        "POST",
                                        "Patient")))
                .expect(Expect.successOr(400, 422))
                .mayWrite());
        cases.add(transaction(
                        "a reference to a urn:uuid not in the bundle",
                        bundle(
                                "transaction",
                                entry(
                                        null,
                                        "{\"resourceType\":\"Patient\",\"generalPractitioner\":[{\"reference\":\"" + b
                                                + "\"}]}",
                                        "POST",
                                        "Patient")))
                .expect(400, 404, 422));
        String conditionalEntry = "{\"resource\":" + patient
                + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\",\"ifNoneExist\":\"identifier=https://hostile.example/sid|same\"}}";
        cases.add(transaction(
                "conflicting conditional creates", bundle("transaction", conditionalEntry, conditionalEntry)));
        cases.add(transaction(
                "two PUTs of one resource",
                bundle(
                        "transaction",
                        entry(null, PATIENT_UPDATE, "PUT", "Patient/{patient}"),
                        entry(null, PATIENT_UPDATE, "PUT", "Patient/{patient}"))));
        cases.add(transaction(
                "a PUT and a DELETE of one resource",
                bundle(
                        "transaction",
                        entry(null, PATIENT_UPDATE, "PUT", "Patient/{patient}"),
                        entry(null, null, "DELETE", "Patient/{patient}"))));
        cases.add(transaction(
                        "a conditional create matching two Patients",
                        bundle(
                                "transaction",
                                "{\"resource\":" + patient + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\","
                                        + "\"ifNoneExist\":\"identifier={duplicateIdentifier}\"}}"))
                .expect(412));
        cases.add(transaction(
                "an ifNoneExist that is not a query",
                bundle(
                        "transaction",
                        "{\"resource\":" + patient
                                + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\",\"ifNoneExist\":\"%%%\"}}")));
        cases.add(transaction(
                        "an ifMatch that is not a version",
                        bundle(
                                "transaction",
                                "{\"resource\":" + PATIENT_UPDATE
                                        + ",\"request\":{\"method\":\"PUT\",\"url\":\"Patient/{patient}\",\"ifMatch\":\"W/\\\"abc\\\"\"}}"))
                .expect(400, 412));
        cases.add(transaction(
                "a PUT whose id differs from its url",
                bundle(
                        "transaction",
                        entry(null, "{\"resourceType\":\"Patient\",\"id\":\"other\"}", "PUT", "Patient/{patient}"))));
        cases.add(transaction(
                "a conditional PUT with an unknown parameter",
                bundle("transaction", entry(null, patient, "PUT", "Patient?hostile=1"))));
        cases.add(transaction(
                "a conditional DELETE with an unknown parameter",
                bundle("transaction", entry(null, null, "DELETE", "Patient?hostile=1"))));
        cases.add(transaction("a DELETE without an id", bundle("transaction", entry(null, null, "DELETE", "Patient"))));
        cases.add(transaction(
                "a GET that cannot run", bundle("transaction", entry(null, null, "GET", "Patient?_count=abc"))));
        cases.add(transaction(
                        "a GET of a version that is no number",
                        bundle("transaction", entry(null, null, "GET", "Patient/{patient}/_history/abc")))
                .expect(400, 404));
        cases.add(
                transaction("a url with a NUL", bundle("transaction", entry(null, patient, "POST", "Patient\\u0000"))));
        cases.add(transaction(
                "a PATCH with a malformed Binary",
                bundle(
                        "transaction",
                        entry(
                                null,
                                "{\"resourceType\":\"Binary\",\"contentType\":\"application/json-patch+json\",\"data\":\"!!!\"}",
                                "PATCH",
                                "Patient/{patient}"))));
        cases.add(transaction(
                        "a nested transaction Bundle",
                        bundle(
                                "transaction",
                                entry(
                                        null,
                                        bundle("transaction", entry(null, patient, "POST", "Patient")),
                                        "POST",
                                        "Bundle")))
                .expect(400, 404));
        cases.add(transaction("a document Bundle", bundle("document", entry(null, patient, "POST", "Patient"))));
        cases.add(transaction("a collection Bundle", bundle("collection", "{\"resource\":" + patient + "}")));
        cases.add(
                transaction("a Bundle of an unknown type", bundle("hostile", entry(null, patient, "POST", "Patient"))));
        cases.add(transaction(
                "a transaction-response Bundle",
                bundle("transaction-response", entry(null, patient, "POST", "Patient"))));
        cases.add(transaction(
                "a Bundle without type",
                "{\"resourceType\":\"Bundle\",\"entry\":[" + entry(null, patient, "POST", "Patient") + "]}"));
        cases.add(transaction("a Patient posted to the base", patient));
        // A batch reports entry by entry: 200 with each entry's failure, or 400 for the whole; nothing is stored.
        cases.add(transaction("a batch entry without request", bundle("batch", "{\"resource\":" + patient + "}"))
                .expect(Expect.successOr(400)));
        cases.add(transaction(
                        "a batch entry with an unknown method",
                        bundle("batch", entry(null, patient, "HOSTILE", "Patient")))
                .expect(Expect.successOr(400)));
        cases.add(transaction(
                        "a batch of malformed conditional deletes",
                        bundle("batch", entry(null, null, "DELETE", "Patient?hostile=1")))
                .expect(Expect.successOr(400)));
        // Size: 10,000 entries is far beyond any submission; a server limit answers 413 at once.
        cases.add(new HostileCase(Family.BUNDLES, "a transaction of 10,000 entries")
                .post("/fhir")
                .generated(() -> bundle(
                        "transaction",
                        IntStream.range(0, 10_000)
                                .mapToObj(i -> entry(
                                        null, "{\"resourceType\":\"Patient\",\"active\":true}", "POST", "Patient"))
                                .toArray(String[]::new)))
                .expect(413));
        cases.add(new HostileCase(Family.BUNDLES, "a batch of 10,000 entries")
                .post("/fhir")
                .generated(() -> bundle(
                        "batch",
                        IntStream.range(0, 10_000)
                                .mapToObj(i -> entry(
                                        null, "{\"resourceType\":\"Patient\",\"active\":true}", "POST", "Patient"))
                                .toArray(String[]::new)))
                .expect(413));
        cases.add(new HostileCase(Family.BUNDLES, "a batch of 10,000 reads")
                .post("/fhir")
                .generated(() -> bundle(
                        "batch",
                        IntStream.range(0, 10_000)
                                .mapToObj(i -> entry(null, null, "GET", "Patient?_count=1"))
                                .toArray(String[]::new)))
                .expect(413));
    }

    private static HostileCase search(String name, String path) {
        return new HostileCase(Family.SEARCH, name).get(path);
    }

    private static void search(List<HostileCase> cases) {
        // Paging parameters.
        cases.add(search("_offset negative", "/fhir/Patient?_offset=-1"));
        cases.add(search("_offset beyond 64 bits", "/fhir/Patient?_offset=99999999999999999999"));
        cases.add(search("_offset not a number", "/fhir/Patient?_offset=abc"));
        cases.add(search("_offset the largest int", "/fhir/Patient?_offset=2147483647")
                .expect(Expect.successOr(400)));
        cases.add(search("_count negative", "/fhir/Patient?_count=-1"));
        cases.add(search("_count beyond 32 bits", "/fhir/Patient?_count=99999999999"));
        cases.add(search("_count not a number", "/fhir/Patient?_count=abc"));
        cases.add(search("_count in exponent notation", "/fhir/Patient?_count=1e3"));
        cases.add(search("_count twice", "/fhir/Patient?_count=1&_count=2"));
        cases.add(search("control: _count 0", "/fhir/Patient?_count=0").expect(Expect.success()));
        cases.add(search("control: _count above the page limit", "/fhir/Patient?_count=100000")
                .expect(Expect.success()));
        cases.add(search("_getpages of no search", "/fhir?_getpages=hostile").expect(400, 404, 410));
        cases.add(search("_getpages with a negative offset", "/fhir?_getpages=hostile&_getpagesoffset=-1&_count=-1")
                .expect(400, 404, 410));
        // Percent-encoding: a value Tomcat cannot decode must not be dropped, turning a filter into "everything".
        cases.add(search("a lone percent sign", "/fhir/Patient?name=%"));
        cases.add(search("a percent with non-hex digits", "/fhir/Patient?name=%zz"));
        cases.add(search("a percent-u escape", "/fhir/Patient?name=%u0041"));
        cases.add(search("bad percent-encoding in a name", "/fhir/Patient?%zz=1"));
        cases.add(search("a truncated percent escape", "/fhir/Patient?identifier=a%4"));
        // NUL and control characters in values.
        cases.add(search("a NUL in a string value", "/fhir/Patient?name=a%00b"));
        cases.add(search("a NUL in a token value", "/fhir/Patient?identifier=a%00b"));
        cases.add(search("a NUL in _id", "/fhir/Patient?_id=%00"));
        cases.add(search("a NUL in a date", "/fhir/Patient?birthdate=%00"));
        cases.add(search("a NUL in a reference", "/fhir/Observation?subject=Patient/%00"));
        cases.add(search("a NUL in a parameter name", "/fhir/Patient?na%00me=x"));
        cases.add(search("a CR LF in a value", "/fhir/Patient?name=a%0D%0AX-Injected:%201")
                .expect(Expect.successOr(400)));
        // Limits on the query's shape: a fast empty answer is as correct as a refusal; a slow one is not.
        cases.add(search(
                        "400 ANDed name parameters",
                        "/fhir/Patient?"
                                + IntStream.range(0, 400)
                                        .mapToObj(i -> "name=a" + i)
                                        .collect(Collectors.joining("&")))
                .expect(Expect.successOr(400, 413)));
        cases.add(search(
                        "400 ORed identifier values",
                        "/fhir/Patient?identifier="
                                + IntStream.range(0, 400)
                                        .mapToObj(i -> "s|v" + i)
                                        .collect(Collectors.joining(","))
                                        .replace("|", "%7C"))
                .expect(Expect.successOr(400, 413)));
        List<String> sorts =
                List.of("family", "given", "birthdate", "gender", "_id", "_lastUpdated", "address", "name");
        cases.add(search(
                        "a 240-key _sort",
                        "/fhir/Patient?_sort="
                                + IntStream.range(0, 240)
                                        .mapToObj(i -> (i % 2 == 0 ? "-" : "") + sorts.get(i % sorts.size()))
                                        .collect(Collectors.joining(",")))
                .expect(Expect.successOr(400, 413)));
        cases.add(search(
                        "2,000 _id values",
                        "/fhir/Patient?_id="
                                + IntStream.range(0, 2_000)
                                        .mapToObj(i -> "id" + i)
                                        .collect(Collectors.joining(",")))
                .expect(Expect.successOr(400, 413, 414, 431)));
        cases.add(search("a query string of 100 KB", "/fhir/Patient?name=" + "a".repeat(100_000))
                .expect(400, 414, 431));
        // Unknown parameters, modifiers and values.
        cases.add(search("an unknown parameter", "/fhir/Patient?hostile=1"));
        cases.add(search("an unknown modifier", "/fhir/Patient?name:hostile=x"));
        cases.add(search("_sort by an unknown parameter", "/fhir/Patient?_sort=hostile"));
        cases.add(search("_sort empty key", "/fhir/Patient?_sort=-"));
        cases.add(search("_include of an unknown parameter", "/fhir/Patient?_include=Patient:hostile"));
        cases.add(search("_include of an unknown type", "/fhir/Patient?_include=Hostile:subject"));
        cases.add(search("_revinclude of an unknown type", "/fhir/Patient?_revinclude=Hostile:subject"));
        cases.add(search("_summary unknown", "/fhir/Patient?_summary=hostile"));
        cases.add(search("_total unknown", "/fhir/Patient?_total=hostile"));
        cases.add(search("_contained unknown", "/fhir/Patient?_contained=hostile"));
        cases.add(search("_filter", "/fhir/Patient?_filter=name%20eq%20x"));
        cases.add(search("_text", "/fhir/Patient?_text=x"));
        cases.add(search("_content", "/fhir/Patient?_content=x"));
        cases.add(search("_type unknown on the base", "/fhir?_type=Hostile").expect(400, 404));
        // Values of the wrong kind.
        cases.add(search("a date of garbage", "/fhir/Patient?birthdate=garbage"));
        cases.add(search("a date of only a prefix", "/fhir/Patient?birthdate=ge"));
        cases.add(search("a date with a leading space", "/fhir/Patient?birthdate=%201990-01-01"));
        cases.add(search("a date of month 13", "/fhir/Patient?birthdate=1990-13-45"));
        cases.add(search("a date of 1e99999", "/fhir/Patient?birthdate=1e99999"));
        cases.add(search("a date of hour 25", "/fhir/Patient?birthdate=2020-01-01T25:61:61Z"));
        cases.add(search("_lastUpdated in the year 9999999999", "/fhir/Patient?_lastUpdated=gt9999999999-01-01"));
        cases.add(search("a quantity of 1e99999", "/fhir/Observation?value-quantity=1e99999"));
        cases.add(search("a quantity of NaN", "/fhir/Observation?value-quantity=NaN"));
        cases.add(search("a quantity of Infinity", "/fhir/Observation?value-quantity=Infinity"));
        cases.add(search("a quantity of only bars", "/fhir/Observation?value-quantity=%7C%7C%7C"));
        cases.add(search("a quantity of 5,000 digits", "/fhir/Observation?value-quantity=" + "9".repeat(5_000))
                .expect(400, 413));
        cases.add(search("a reference to an unknown type", "/fhir/Observation?subject=Hostile/1"));
        cases.add(search("a reference without an id", "/fhir/Observation?subject=Patient/"));
        cases.add(search("a reference with a bad version", "/fhir/Observation?subject=Patient/1/_history/abc"));
        cases.add(search("a reference modifier of an unknown type", "/fhir/Observation?subject:Hostile=1"));
        // Chains and _has: the lead may use them, but not to make the database work without end.
        cases.add(search(
                        "a chain 12 deep",
                        "/fhir/Observation?subject:Patient.organization.partof.partof.partof.partof.partof.partof.partof"
                                + ".partof.partof.name=x")
                .expect(Expect.successOr(400)));
        cases.add(search("a chain through an unknown parameter", "/fhir/Observation?subject:Patient.hostile=x"));
        cases.add(search("a chain on a non-reference", "/fhir/Patient?name.family=x"));
        cases.add(search(
                        "_has nested 12 deep",
                        "/fhir/Patient?" + "_has:Observation:subject:".repeat(12) + "status=final")
                .expect(Expect.successOr(400)));
        cases.add(search("_has without a parameter", "/fhir/Patient?_has:Observation=x"));
        cases.add(search("_has of an unknown type", "/fhir/Patient?_has:Hostile:subject:code=x"));
        cases.add(search("_has through an unknown reference", "/fhir/Patient?_has:Observation:hostile:code=x"));
        cases.add(search("_include and _revinclude of everything", "/fhir/Patient?_include=*&_revinclude=*&_count=200")
                .expect(Expect.successOr(400)));
        cases.add(search("_include:iterate of everything", "/fhir/Observation?_include:iterate=*&_count=200")
                .expect(Expect.successOr(400)));
        // Search by POST.
        cases.add(new HostileCase(Family.SEARCH, "_search by POST with bad percent-encoding")
                .post("/fhir/Patient/_search")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=%zz"));
        cases.add(new HostileCase(Family.SEARCH, "_search by POST with a JSON body")
                .post("/fhir/Patient/_search")
                .body(NEW_PATIENT)
                .expect(400, 415));
        cases.add(new HostileCase(Family.SEARCH, "_search by POST with 3 MB of form")
                .post("/fhir/Patient/_search")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .generated(() -> "name=" + "a".repeat(3_000_000))
                .expect(400, 413));
        cases.add(new HostileCase(Family.SEARCH, "_search by POST with a NUL")
                .post("/fhir/Patient/_search")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=a%00b"));
        // History.
        cases.add(search("history _since garbage", "/fhir/Patient/{patient}/_history?_since=garbage"));
        cases.add(search("history _count negative", "/fhir/_history?_count=-5"));
        cases.add(search("history _at garbage", "/fhir/_history?_at=garbage"));
        cases.add(search("history _since 1e99999", "/fhir/Patient/_history?_since=1e99999"));
    }

    private static HostileCase jsonPatch(String name, String body) {
        return new HostileCase(Family.PATCH, name)
                .patch("/fhir/Patient/{patient}")
                .header("Content-Type", JSON_PATCH)
                .body(body);
    }

    private static HostileCase fhirPathPatch(String name, String... operationParts) {
        return new HostileCase(Family.PATCH, name)
                .patch("/fhir/Patient/{patient}")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"operation\",\"part\":["
                        + String.join(",", operationParts) + "]}]}");
    }

    private static String part(String name, String valueType, String value) {
        return "{\"name\":\"" + name + "\",\"value" + valueType + "\":" + value + "}";
    }

    private static String code(String name, String value) {
        return part(name, "Code", "\"" + value + "\"");
    }

    private static String string(String name, String value) {
        return part(name, "String", "\"" + value + "\"");
    }

    private static void patch(List<HostileCase> cases) {
        // JSON Patch (RFC 6902).
        cases.add(jsonPatch("JSON Patch not an array", "{}"));
        cases.add(jsonPatch("JSON Patch an unknown op", "[{\"op\":\"hostile\",\"path\":\"/active\",\"value\":true}]"));
        cases.add(jsonPatch(
                "JSON Patch a path without slash", "[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]"));
        cases.add(jsonPatch("JSON Patch removing what is not there", "[{\"op\":\"remove\",\"path\":\"/hostile/0\"}]")
                .expect(400, 409, 422));
        cases.add(jsonPatch(
                        "JSON Patch replacing resourceType",
                        "[{\"op\":\"replace\",\"path\":\"/resourceType\",\"value\":\"Observation\"}]")
                .expect(400, 422));
        cases.add(
                jsonPatch("JSON Patch replacing the id", "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"other\"}]")
                        .expect(400, 422));
        cases.add(jsonPatch(
                        "JSON Patch a failing test",
                        "[{\"op\":\"test\",\"path\":\"/birthDate\",\"value\":\"1800-01-01\"}]")
                .expect(400, 409, 412, 422));
        cases.add(jsonPatch(
                        "JSON Patch adding an invalid date",
                        "[{\"op\":\"add\",\"path\":\"/birthDate\",\"value\":\"garbage\"}]")
                .expect(400, 422));
        cases.add(jsonPatch(
                        "JSON Patch adding an unknown element",
                        "[{\"op\":\"add\",\"path\":\"/hostileElement\",\"value\":1}]")
                .expect(400, 422));
        cases.add(jsonPatch(
                        "JSON Patch replacing the whole document", "[{\"op\":\"replace\",\"path\":\"\",\"value\":42}]")
                .expect(400, 422));
        cases.add(jsonPatch(
                        "JSON Patch moving a parent into its child",
                        "[{\"op\":\"move\",\"from\":\"/name\",\"path\":\"/name/0/x\"}]")
                .expect(400, 409, 422));
        cases.add(jsonPatch(
                        "JSON Patch of 10,000 operations",
                        "[" + repeat("{\"op\":\"add\",\"path\":\"/name/-\",\"value\":{\"family\":\"x\"}}", ",", 10_000)
                                + "]")
                .expect(400, 413, 422));
        // Each copy doubles the document: 18 of them make 262,144 copies of the name.
        cases.add(jsonPatch(
                        "JSON Patch doubling the document 18 times",
                        "[{\"op\":\"add\",\"path\":\"/name\",\"value\":[{\"family\":\"x\"}]},"
                                + repeat("{\"op\":\"copy\",\"from\":\"/name\",\"path\":\"/name/-\"}", ",", 18) + "]")
                .expect(400, 413, 422));
        cases.add(jsonPatch("JSON Patch empty body", ""));
        cases.add(jsonPatch("JSON Patch not JSON", "not json"));
        cases.add(jsonPatch("JSON Patch of nulls", "[null,null]"));
        cases.add(new HostileCase(Family.PATCH, "merge-patch, which FHIR does not define")
                .patch("/fhir/Patient/{patient}")
                .header("Content-Type", "application/merge-patch+json")
                .body("{\"active\":false}")
                .expect(400, 415));
        cases.add(new HostileCase(Family.PATCH, "PATCH of a Patient that does not exist")
                .patch("/fhir/Patient/hostile-does-not-exist")
                .header("Content-Type", JSON_PATCH)
                .body("[{\"op\":\"replace\",\"path\":\"/active\",\"value\":false}]")
                .expect(404));
        cases.add(new HostileCase(Family.PATCH, "PATCH without Content-Type")
                .patch("/fhir/Patient/{patient}")
                .noContentType()
                .body("[{\"op\":\"replace\",\"path\":\"/active\",\"value\":false}]")
                .expect(400, 415));
        // FHIRPath Patch (a Parameters resource).
        cases.add(new HostileCase(Family.PATCH, "FHIRPath Patch without operations")
                .patch("/fhir/Patient/{patient}")
                .body("{\"resourceType\":\"Parameters\"}"));
        cases.add(new HostileCase(Family.PATCH, "FHIRPath Patch with an empty operation")
                .patch("/fhir/Patient/{patient}")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"operation\"}]}"));
        cases.add(
                new HostileCase(Family.PATCH, "FHIRPath Patch with a parameter of another name")
                        .patch("/fhir/Patient/{patient}")
                        .body(
                                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"hostile\",\"valueString\":\"x\"}]}"));
        cases.add(fhirPathPatch(
                "FHIRPath Patch an unknown type", code("type", "hostile"), string("path", "Patient.active")));
        cases.add(fhirPathPatch("FHIRPath Patch without path", code("type", "delete")));
        cases.add(fhirPathPatch(
                "FHIRPath Patch a syntax error",
                code("type", "replace"),
                string("path", "Patient.name.where("),
                part("value", "Boolean", "true")));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch deleting the resource itself",
                        code("type", "delete"),
                        string("path", "Patient"))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch adding an unknown element",
                        code("type", "add"),
                        string("path", "Patient"),
                        string("name", "hostileElement"),
                        part("value", "Boolean", "true"))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch a date of garbage",
                        code("type", "replace"),
                        string("path", "Patient.birthDate"),
                        string("value", "garbage"))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch replacing the id",
                        code("type", "replace"),
                        string("path", "Patient.id"),
                        part("value", "Id", "\"other\""))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch insert at index 99999",
                        code("type", "insert"),
                        string("path", "Patient.name"),
                        part("index", "Integer", "99999"),
                        part("value", "HumanName", "{\"family\":\"x\"}"))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch insert at index -1",
                        code("type", "insert"),
                        string("path", "Patient.name"),
                        part("index", "Integer", "-1"),
                        part("value", "HumanName", "{\"family\":\"x\"}"))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch move with a string index",
                        code("type", "move"),
                        string("path", "Patient.name"),
                        string("source", "first"),
                        part("destination", "Integer", "0"))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch six nested descendants()",
                        code("type", "delete"),
                        string("path", "Patient" + ".descendants()".repeat(6)))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch 5,000 nested parentheses",
                        code("type", "delete"),
                        string("path", "(".repeat(5_000) + "Patient.active" + ")".repeat(5_000)))
                .expect(400, 413, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch a path of 200 KB",
                        code("type", "delete"),
                        string("path", "Patient" + ".name".repeat(40_000)))
                .expect(400, 413, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch repeat() over the whole resource",
                        code("type", "delete"),
                        string("path", "Patient.repeat(descendants()).where($this.repeat(descendants()).count() > 0)"))
                .expect(400, 422));
        cases.add(fhirPathPatch(
                        "FHIRPath Patch an unknown function",
                        code("type", "delete"),
                        string("path", "Patient.hostile()"))
                .expect(400, 422));
        cases.add(new HostileCase(Family.PATCH, "FHIRPath Patch breaking a screening's status")
                .patch("/fhir/QuestionnaireResponse/{screening}")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"operation\",\"part\":["
                        + code("type", "replace") + "," + string("path", "QuestionnaireResponse.status") + ","
                        + part("value", "Code", "\"hostile\"") + "]}]}")
                .expect(400, 422));
        cases.add(new HostileCase(Family.PATCH, "FHIRPath Patch removing a screening's subject")
                .patch("/fhir/QuestionnaireResponse/{screening}")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"operation\",\"part\":["
                        + code("type", "delete") + "," + string("path", "QuestionnaireResponse.subject") + "]}]}")
                .expect(422));
    }

    private static HostileCase operation(String name) {
        return new HostileCase(Family.OPERATIONS, name);
    }

    private static String parameters(String... parameters) {
        // FHIR JSON has no empty arrays: Parameters without any leaves parameter out.
        return parameters.length == 0
                ? "{\"resourceType\":\"Parameters\"}"
                : "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}";
    }

    private static void operations(List<HostileCase> cases) {
        String answerSet = "https://safeguardfhir.org/fhir/ValueSet/screening-answer";
        // $validate.
        cases.add(operation("$validate with a string as the resource")
                .post("/fhir/Patient/$validate")
                .body("\"just a string\""));
        cases.add(operation("$validate with a string resource parameter")
                .post("/fhir/Patient/$validate")
                .body(parameters(string("resource", "just a string"))));
        cases.add(operation("$validate with an empty object")
                .post("/fhir/Patient/$validate")
                .body("{}"));
        cases.add(operation("$validate with an unknown mode")
                .post("/fhir/Patient/$validate?mode=hostile")
                .body(NEW_PATIENT));
        cases.add(operation("$validate mode delete without an id")
                .post("/fhir/Patient/$validate?mode=delete")
                .body(NEW_PATIENT));
        cases.add(operation("$validate of a truncated body")
                .post("/fhir/Patient/$validate")
                .body("{\"resourceType\":\"Pa"));
        cases.add(operation("$validate of a type not stored here")
                .post("/fhir/Medication/$validate")
                .body("{\"resourceType\":\"Medication\"}")
                .expect(404));
        // $validate takes a resource, so it cannot be called by GET: 405 is HTTP's answer, 400 FHIR's.
        cases.add(operation("$validate by GET with a resource")
                .get("/fhir/Patient/$validate?resource=garbage")
                .expect(400, 405));
        cases.add(operation("$validate with XML in JSON")
                .post("/fhir/Patient/$validate")
                .body("<Patient/>"));
        // $expand and the other terminology operations.
        cases.add(operation("$expand of an unknown url")
                .get("/fhir/ValueSet/$expand?url=hostile")
                .expect(400, 404, 422));
        cases.add(operation("$expand without parameters").get("/fhir/ValueSet/$expand"));
        cases.add(
                operation("$expand with a NUL filter").get("/fhir/ValueSet/$expand?url=" + answerSet + "&filter=%00"));
        cases.add(operation("$expand count negative").get("/fhir/ValueSet/$expand?url=" + answerSet + "&count=-1"));
        cases.add(operation("$expand offset not a number")
                .get("/fhir/ValueSet/$expand?url=" + answerSet + "&offset=abc"));
        cases.add(operation("$expand count beyond 32 bits")
                .get("/fhir/ValueSet/$expand?url=" + answerSet + "&count=99999999999"));
        cases.add(operation("$expand of a ValueSet that does not exist")
                .get("/fhir/ValueSet/hostile-does-not-exist/$expand")
                .expect(404));
        cases.add(operation("$expand with a string valueSet")
                .post("/fhir/ValueSet/$expand")
                .body(parameters(string("valueSet", "x"))));
        cases.add(operation("$expand of an inline ValueSet of an unknown CodeSystem")
                .post("/fhir/ValueSet/$expand")
                .body(parameters(
                        "{\"name\":\"valueSet\",\"resource\":{\"resourceType\":\"ValueSet\",\"status\":\"active\","
                                + "\"compose\":{\"include\":[{\"system\":\"https://hostile.example/cs\"}]}}}"))
                .expect(400, 404, 422));
        cases.add(operation("$expand of an inline ValueSet including itself")
                .post("/fhir/ValueSet/$expand")
                .body(parameters(
                        "{\"name\":\"valueSet\",\"resource\":{\"resourceType\":\"ValueSet\",\"status\":\"active\","
                                + "\"url\":\"https://hostile.example/vs\","
                                + "\"compose\":{\"include\":[{\"valueSet\":[\"https://hostile.example/vs\"]}]}}}"))
                .expect(400, 404, 422));
        cases.add(operation("$expand with junk Parameters")
                .post("/fhir/ValueSet/$expand")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":{}}"));
        cases.add(operation("$validate-code without a code").get("/fhir/ValueSet/$validate-code?url=" + answerSet));
        cases.add(operation("$lookup of an unknown system")
                .get("/fhir/CodeSystem/$lookup?system=hostile&code=x")
                .expect(400, 404));
        cases.add(operation("$lookup without parameters").get("/fhir/CodeSystem/$lookup"));
        cases.add(operation("$subsumes with one code").get("/fhir/CodeSystem/$subsumes?codeA=a"));
        // $populate.
        String subject = "{\"name\":\"subject\",\"valueReference\":{\"reference\":\"%s\"}}";
        cases.add(operation("$populate without subject").get("/fhir/Questionnaire/{questionnaire}/$populate"));
        cases.add(operation("$populate of a subject without id")
                .post("/fhir/Questionnaire/{questionnaire}/$populate")
                .body(parameters(subject.formatted("Patient/"))));
        cases.add(operation("$populate of an Observation")
                .post("/fhir/Questionnaire/{questionnaire}/$populate")
                .body(parameters(subject.formatted("Observation/{observation}"))));
        cases.add(operation("$populate with subject as a string")
                .post("/fhir/Questionnaire/{questionnaire}/$populate")
                .body(parameters(string("subject", "Patient/{patient}"))));
        cases.add(operation("$populate of a Patient that does not exist")
                .post("/fhir/Questionnaire/{questionnaire}/$populate")
                .body(parameters(subject.formatted("Patient/hostile-does-not-exist")))
                .expect(404));
        cases.add(operation("$populate of a junk canonical")
                .post("/fhir/Questionnaire/$populate")
                .body(parameters(part("canonical", "Uri", "\"hostile\""), subject.formatted("Patient/{patient}")))
                .expect(400, 404));
        cases.add(operation("$populate of a canonical of bars")
                .post("/fhir/Questionnaire/$populate")
                .body(parameters(part("canonical", "Uri", "\"a|b|c|d\""), subject.formatted("Patient/{patient}")))
                .expect(400, 404));
        cases.add(operation("$populate of a Questionnaire that does not exist")
                .post("/fhir/Questionnaire/hostile-does-not-exist/$populate")
                .body(parameters(subject.formatted("Patient/{patient}")))
                .expect(404));
        cases.add(operation("$populate with a Patient as the body")
                .post("/fhir/Questionnaire/{questionnaire}/$populate")
                .body(NEW_PATIENT));
        cases.add(operation("$populate with two subjects")
                .post("/fhir/Questionnaire/{questionnaire}/$populate")
                .body(parameters(subject.formatted("Patient/{patient}"), subject.formatted("Patient/{patient}"))));
        // $safeguarding-statistics.
        String statistics = "/fhir/$safeguarding-statistics";
        cases.add(operation("statistics without parameters").get(statistics));
        cases.add(operation("statistics with a start of garbage").get(statistics + "?start=garbage&end=2026-12-31"));
        cases.add(operation("statistics with a year for start").get(statistics + "?start=2026&end=2026-12-31"));
        cases.add(
                operation("statistics ending before they start").get(statistics + "?start=2026-12-31&end=2026-01-01"));
        cases.add(operation("statistics by an unknown dimension")
                .get(statistics + "?start=2026-01-01&end=2026-12-31&by=hostile"));
        cases.add(operation("statistics by period twice")
                .get(statistics + "?start=2026-01-01&end=2026-12-31&by=period&by=period"));
        cases.add(operation("statistics by three dimensions")
                .get(statistics + "?start=2026-01-01&end=2026-12-31&by=period&by=pathway&by=region"));
        cases.add(operation("statistics from February 30th").get(statistics + "?start=2026-02-30&end=2026-12-31"));
        cases.add(operation("statistics with a leading space").get(statistics + "?start=%202026-01-01&end=2026-12-31"));
        cases.add(operation("statistics from 1e99999").get(statistics + "?start=1e99999&end=2026-12-31"));
        cases.add(operation("statistics from year -999999999")
                .get(statistics + "?start=-999999999-01-01&end=2026-12-31"));
        cases.add(operation("statistics with two starts")
                .get(statistics + "?start=2026-01-01&start=2025-01-01&end=2026-12-31"));
        cases.add(operation("statistics with a string start")
                .post(statistics)
                .body(parameters(string("start", "2026-01-01"), part("end", "Date", "\"2026-12-31\""))));
        cases.add(operation("statistics with a junk body")
                .post(statistics)
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{}]}"));
        cases.add(operation("statistics on a type")
                .get("/fhir/Patient/$safeguarding-statistics?start=2026-01-01&end=2026-12-31")
                .expect(400, 404));
        cases.add(operation("control: statistics over ten thousand years")
                .get(statistics + "?start=0001-01-01&end=9999-12-31")
                .expect(Expect.success()));
        // $export, as a researcher (the only role that may start one).
        cases.add(operation("$export without Prefer respond-async")
                .get("/fhir/$export")
                .as(Auth.RESEARCHER));
        cases.add(export("$export of an unknown type", "/fhir/$export?_type=Hostile"));
        cases.add(export("$export of an empty _type", "/fhir/$export?_type="));
        cases.add(export("$export as PDF", "/fhir/$export?_outputFormat=application/pdf"));
        cases.add(export("$export _since garbage", "/fhir/$export?_since=garbage"));
        cases.add(export("$export _typeFilter", "/fhir/$export?_typeFilter=Patient%3Factive%3Dtrue"));
        cases.add(export("$export an unknown configuration", "/fhir/$export?deidentification=hostile"));
        cases.add(export("$export the dashboard configuration", "/fhir/$export?deidentification=dashboard"));
        cases.add(export("$export an unknown parameter", "/fhir/$export?hostile=1"));
        cases.add(export("$export a type with a NUL", "/fhir/$export?_type=Patient%00"));
        cases.add(export("$export-poll-status of a job that is no UUID", "/fhir/$export-poll-status?_jobId=hostile")
                .expect(400, 404));
        cases.add(export("$export-poll-status without a job", "/fhir/$export-poll-status"));
        cases.add(export("$export-poll-status of two jobs", "/fhir/$export-poll-status?_jobId=a&_jobId=b"));
        cases.add(export("$export-file number 0", "/fhir/$export-file?_jobId=" + UUID.randomUUID() + "&_file=0")
                .expect(400, 404));
        cases.add(export(
                        "$export-file number beyond 32 bits",
                        "/fhir/$export-file?_jobId=" + UUID.randomUUID() + "&_file=99999999999")
                .expect(400, 404));
        cases.add(operation("$export-poll-status DELETE of nothing")
                .delete("/fhir/$export-poll-status?_jobId=" + UUID.randomUUID())
                .as(Auth.RESEARCHER)
                .expect(404));
        cases.add(operation("$export by a caller who is no researcher")
                .get("/fhir/$export")
                .header("Prefer", "respond-async")
                .expect(403));
        // $confirm-concern, as the lead, on a real screening.
        String confirm = "/fhir/QuestionnaireResponse/{screening}/$confirm-concern";
        cases.add(operation("$confirm-concern an unknown exploitation type")
                .post(confirm)
                .body(parameters(code("exploitationType", "hostile"))));
        cases.add(operation("$confirm-concern exploitation type as a string")
                .post(confirm)
                .body(parameters(string("exploitationType", "labour"))));
        cases.add(operation("$confirm-concern two notes")
                .post(confirm)
                .body(parameters(code("exploitationType", "labour"), string("note", "a"), string("note", "b"))));
        cases.add(operation("$confirm-concern a note of 1 MB")
                .post(confirm)
                .generated(() -> parameters(code("exploitationType", "labour"), string("note", "n".repeat(1_000_000))))
                .expect(400, 413));
        cases.add(operation("$confirm-concern 1,000 unknown types")
                .post(confirm)
                .body(parameters(IntStream.range(0, 1_000)
                        .mapToObj(i -> code("exploitationType", "hostile-" + i))
                        .toArray(String[]::new))));
        cases.add(operation("$confirm-concern of a response that does not exist")
                .post("/fhir/QuestionnaireResponse/hostile-does-not-exist/$confirm-concern")
                .body(parameters(code("exploitationType", "labour")))
                .expect(404));
        cases.add(operation("$confirm-concern of a response to no screening")
                .post("/fhir/QuestionnaireResponse/{plainResponse}/$confirm-concern")
                .body(parameters(code("exploitationType", "labour"))));
        cases.add(operation("$confirm-concern by GET")
                .get(confirm + "?exploitationType=labour")
                .expect(400, 405));
        cases.add(operation("$confirm-concern with a junk body")
                .post(confirm)
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[null]}"));
        cases.add(operation("$confirm-concern on the type")
                .post("/fhir/QuestionnaireResponse/$confirm-concern")
                .body(parameters(code("exploitationType", "labour")))
                .expect(400, 404));
        cases.add(operation("$confirm-concern of a Patient")
                .post("/fhir/Patient/{patient}/$confirm-concern")
                .body(parameters(code("exploitationType", "labour")))
                .expect(400, 404));
        // Other operations: ours, and HAPI's that stay off.
        cases.add(operation("$resolve-pseudonym of garbage")
                .post("/fhir/$resolve-pseudonym")
                .body(parameters(string("pseudonym", "hostile"))));
        cases.add(operation("$resolve-pseudonym without pseudonym")
                .post("/fhir/$resolve-pseudonym")
                .body(parameters()));
        cases.add(operation("$resolve-pseudonym of a quote-laden string")
                .post("/fhir/$resolve-pseudonym")
                .body(parameters(string("pseudonym", "' OR 1=1 --"))));
        cases.add(operation("$rotate-secret of a Subscription that does not exist")
                .post("/fhir/Subscription/hostile-does-not-exist/$rotate-secret")
                .body(parameters())
                .expect(404));
        // Nobody may change labels through $meta-add or $meta-delete: refusing the call (403) is as correct as 400.
        cases.add(operation("$meta-add with junk")
                .post("/fhir/Patient/{patient}/$meta-add")
                .body(parameters(string("meta", "x")))
                .expect(400, 403));
        cases.add(operation("$meta-delete with junk")
                .post("/fhir/Patient/{patient}/$meta-delete")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"meta\"}]}")
                .expect(400, 403));
        cases.add(operation("$expunge")
                .post("/fhir/Patient/$expunge")
                .body(parameters())
                .expect(400, 403, 404));
        cases.add(
                operation("$reindex").post("/fhir/$reindex").body(parameters()).expect(400, 403, 404));
        cases.add(operation("$get-resource-counts")
                .get("/fhir/$get-resource-counts")
                .expect(400, 403, 404));
        cases.add(operation("$graphql with junk")
                .get("/fhir/$graphql?query=%7B%7B%7B")
                .expect(400, 404));
        cases.add(operation("$process-message with junk")
                .post("/fhir/$process-message")
                .body("{}")
                .expect(400, 404));
    }

    private static HostileCase export(String name, String path) {
        return operation(name).get(path).as(Auth.RESEARCHER).header("Prefer", "respond-async");
    }

    private static HostileCase raw(Family family, String name, String request) {
        return new HostileCase(family, name).raw(request);
    }

    private static final String BEARER = "Authorization: Bearer {token}\r\n";

    private static void host(List<HostileCase> cases) {
        // Links and Location are built from the request's Host unless the server address is configured: a forged
        // Host must not reach a client as a link to follow.
        cases.add(raw(
                        Family.HOST,
                        "forged Host on a search",
                        "GET /fhir/Patient?_count=1 HTTP/1.1\r\nHost: evil.example\r\n" + BEARER
                                + "Accept: application/fhir+json\r\nConnection: close\r\n\r\n")
                .expect(Expect.successOr(400, 421))
                .mustNotEcho("evil.example"));
        cases.add(new HostileCase(Family.HOST, "forged Host on a create")
                .raw(f -> RawHttp.request(
                        "POST",
                        "/fhir/Patient",
                        f.port(),
                        List.of(
                                "Host", "evil.example",
                                "Authorization", "Bearer " + f.superuser(),
                                "Content-Type", "application/fhir+json",
                                "Accept", "application/fhir+json"),
                        NEW_PATIENT.getBytes(StandardCharsets.UTF_8)))
                .expect(Expect.successOr(400, 421))
                .mayWrite()
                .mustNotEcho("evil.example"));
        cases.add(raw(
                        Family.HOST,
                        "forged Host on metadata",
                        "GET /fhir/metadata HTTP/1.1\r\nHost: evil.example\r\nAccept: application/fhir+json\r\n"
                                + "Connection: close\r\n\r\n")
                .expect(Expect.successOr(400, 421))
                .mustNotEcho("evil.example"));
        cases.add(raw(
                        Family.HOST,
                        "forged Host with a port on a search",
                        "GET /fhir/Patient?_count=1 HTTP/1.1\r\nHost: evil.example:8443\r\n" + BEARER
                                + "Accept: application/fhir+json\r\nConnection: close\r\n\r\n")
                .expect(Expect.successOr(400, 421))
                .mustNotEcho("evil.example"));
        cases.add(raw(
                        Family.HOST,
                        "an absolute request-target on another host",
                        "GET http://evil.example/fhir/Patient?_count=1 HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER
                                + "Accept: application/fhir+json\r\nConnection: close\r\n\r\n")
                .expect(Expect.successOr(400, 421))
                .mustNotEcho("evil.example"));
        cases.add(new HostileCase(Family.HOST, "X-Forwarded-Host on a search")
                .get("/fhir/Patient?_count=1")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/evil")
                .expect(Expect.successOr(400))
                .mustNotEcho("evil.example"));
        cases.add(new HostileCase(Family.HOST, "Forwarded on a search")
                .get("/fhir/Patient?_count=1")
                .header("Forwarded", "host=evil.example;proto=https")
                .expect(Expect.successOr(400))
                .mustNotEcho("evil.example"));
        cases.add(raw(
                        Family.HOST,
                        "Host with userinfo",
                        "GET /fhir/metadata HTTP/1.1\r\nHost: localhost@evil.example\r\nConnection: close\r\n\r\n")
                .expect(400)
                .mustNotEcho("evil.example"));
        cases.add(
                raw(Family.HOST, "an empty Host", "GET /fhir/metadata HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n")
                        // RFC 9112 allows an empty Host; links never use it anyway.
                        .expect(Expect.successOr(400)));
        cases.add(
                raw(
                        Family.HOST,
                        "two Host headers",
                        "GET /fhir/metadata HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n"));
        cases.add(raw(
                        Family.HOST,
                        "a Host with a path",
                        "GET /fhir/metadata HTTP/1.1\r\nHost: evil.example/fhir?\r\nConnection: close\r\n\r\n")
                .mustNotEcho("evil.example"));
        cases.add(raw(
                Family.HOST,
                "a Host port beyond 65535",
                "GET /fhir/metadata HTTP/1.1\r\nHost: localhost:99999\r\nConnection: close\r\n\r\n"));
        cases.add(raw(
                Family.HOST, "missing Host in HTTP/1.1", "GET /fhir/metadata HTTP/1.1\r\nConnection: close\r\n\r\n"));
    }

    private static HostileCase path(String name, String path) {
        return new HostileCase(Family.PATHS, name).get(path).expect(400, 404);
    }

    private static void paths(List<HostileCase> cases) {
        cases.add(path("an id of 65 characters", "/fhir/Patient/" + "a".repeat(65)));
        cases.add(path("an id with a dollar", "/fhir/Patient/a$b"));
        cases.add(path("an id with an underscore", "/fhir/Patient/a_b"));
        cases.add(path("a version that is no number", "/fhir/Patient/{patient}/_history/abc"));
        cases.add(path("a version beyond 64 bits", "/fhir/Patient/{patient}/_history/99999999999999999999"));
        cases.add(path("a negative version", "/fhir/Patient/{patient}/_history/-1"));
        cases.add(path("version 0", "/fhir/Patient/{patient}/_history/0"));
        cases.add(path("an unknown segment after the id", "/fhir/Patient/{patient}/hostile"));
        cases.add(path("six segments", "/fhir/Patient/a/b/c/d/e"));
        cases.add(path("encoded dot segments", "/fhir/Patient/%2e%2e/%2e%2e/actuator/env"));
        cases.add(path("dot segments with path parameters", "/fhir/Patient/..;/..;/actuator/env"));
        cases.add(path("an encoded slash", "/fhir/Patient%2F{patient}"));
        cases.add(path("an encoded backslash", "/fhir/Patient%5C{patient}"));
        cases.add(path("an encoded NUL as the id", "/fhir/Patient/%00"));
        cases.add(path("an encoded NUL after the type", "/fhir/Patient%00"));
        cases.add(path("an encoded space before the type", "/fhir/%20Patient"));
        cases.add(path("_format with a NUL", "/fhir/Patient/{patient}?_format=%00")
                .expect(400, 406));
        cases.add(path("a path of 7 KB", "/fhir/Patient/" + "a/".repeat(3_500)));
        cases.add(path("a double slash", "/fhir//Patient/{patient}").expect(Expect.successOr(400, 404)));
        cases.add(path("an encoded CR LF in the id", "/fhir/Patient/a%0D%0ASet-Cookie:%20x=1"));
        cases.add(path("a path parameter on the type", "/fhir/Patient;jsessionid=x/{patient}"));
        cases.add(new HostileCase(Family.PATHS, "an unencoded UTF-8 id")
                .raw(Bytes.of(
                        "GET /fhir/Patient/",
                        bytes(0xC3, 0xA9),
                        " HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER
                                + "Accept: application/fhir+json\r\nConnection: close\r\n\r\n"))
                .expect(400, 404));
        cases.add(new HostileCase(Family.PATHS, "an unencoded invalid UTF-8 id")
                .raw(Bytes.of(
                        "GET /fhir/Patient/",
                        bytes(0xFF, 0xFE),
                        " HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER
                                + "Accept: application/fhir+json\r\nConnection: close\r\n\r\n"))
                .expect(400, 404));
    }

    private static void protocol(List<HostileCase> cases) {
        // Tomcat refuses these before any servlet runs; a client still deserves an OperationOutcome.
        cases.add(raw(Family.PROTOCOL, "an invalid request line", "GARBAGE\r\n\r\n"));
        cases.add(raw(
                Family.PROTOCOL,
                "an unencoded space in the path",
                "GET /fhir/Patient/a b HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER + "Connection: close\r\n\r\n"));
        cases.add(raw(
                Family.PROTOCOL,
                "a method with a slash",
                "GE/T /fhir/metadata HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
        cases.add(raw(
                Family.PROTOCOL,
                "a header line without a colon",
                "GET /fhir/metadata HTTP/1.1\r\nHost: localhost:{port}\r\nNoColonHere\r\nConnection: close\r\n\r\n"));
        cases.add(raw(
                Family.PROTOCOL,
                "a header name with a space",
                "GET /fhir/metadata HTTP/1.1\r\nHost: localhost:{port}\r\nBad Header: x\r\nConnection: close\r\n\r\n"));
        cases.add(raw(
                        Family.PROTOCOL,
                        "a folded header line",
                        "GET /fhir/metadata HTTP/1.1\r\nHost: localhost:{port}\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n")
                // RFC 9112 5.2: a server rejects an obs-fold or replaces it with spaces, as Tomcat does.
                .expect(Expect.successOr(400)));
        String post = "POST /fhir/Patient HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER
                + "Content-Type: application/fhir+json\r\nAccept: application/fhir+json\r\nConnection: close\r\n";
        String body = NEW_PATIENT;
        cases.add(raw(
                        Family.PROTOCOL,
                        "Content-Length and Transfer-Encoding together",
                        post + "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n")
                // RFC 9112 6.1: a server may reject it or read the chunked body alone, as Tomcat does.
                .expect(Expect.successOr(400))
                .mayWrite());
        cases.add(raw(Family.PROTOCOL, "a negative Content-Length", post + "Content-Length: -1\r\n\r\n" + body));
        cases.add(raw(
                Family.PROTOCOL, "a Content-Length that is no number", post + "Content-Length: abc\r\n\r\n" + body));
        cases.add(raw(
                Family.PROTOCOL,
                "two different Content-Lengths",
                post + "Content-Length: " + body.length() + "\r\nContent-Length: 5\r\n\r\n" + body));
        cases.add(raw(
                Family.PROTOCOL,
                "a chunk size that is no number",
                post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n"));
        cases.add(raw(
                        Family.PROTOCOL,
                        "a request line of 20 KB",
                        "GET /fhir/Patient?name=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost:{port}\r\n"
                                + BEARER + "Connection: close\r\n\r\n")
                .expect(400, 414));
        cases.add(raw(
                        Family.PROTOCOL,
                        "120 headers",
                        "GET /fhir/metadata HTTP/1.1\r\nHost: localhost:{port}\r\n"
                                + IntStream.range(0, 120)
                                        .mapToObj(i -> "X-H" + i + ": v\r\n")
                                        .collect(Collectors.joining())
                                + "Connection: close\r\n\r\n")
                .expect(400, 431));
        cases.add(new HostileCase(Family.PROTOCOL, "a raw control byte in the path")
                .raw(Bytes.of(
                        "GET /fhir/Patient/a",
                        bytes(0x01),
                        "b HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")));
        cases.add(new HostileCase(Family.PROTOCOL, "a raw NUL in the query")
                .raw(Bytes.of(
                        "GET /fhir/Patient?name=a",
                        bytes(0x00),
                        "b HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER + "Connection: close\r\n\r\n")));
        cases.add(raw(
                        Family.PROTOCOL,
                        "Expect of something unknown",
                        post + "Expect: hostile\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .expect(400, 417));
        cases.add(raw(
                        Family.PROTOCOL,
                        "CONNECT",
                        "CONNECT localhost:{port} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")
                .expect(400, 405));
        cases.add(raw(
                Family.PROTOCOL,
                "a request line with only a method",
                "GET\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
        cases.add(raw(
                Family.PROTOCOL,
                "a request-target without a slash",
                "GET fhir/metadata HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
        cases.add(raw(
                Family.PROTOCOL,
                "an unencoded space in the query",
                "GET /fhir/Patient?name=a b HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER
                        + "Connection: close\r\n\r\n"));
        cases.add(raw(
                Family.PROTOCOL,
                "bad percent-encoding in the path",
                "GET /fhir/Patient/%zz HTTP/1.1\r\nHost: localhost:{port}\r\n" + BEARER + "Connection: close\r\n\r\n"));
        cases.add(raw(
                        Family.PROTOCOL,
                        "control: HTTP/1.0 without Host",
                        "GET /fhir/metadata HTTP/1.0\r\nAccept: application/fhir+json\r\n\r\n")
                .expect(Expect.success()));
        cases.add(raw(
                        Family.PROTOCOL,
                        "control: bare LF line ends",
                        "GET /fhir/metadata HTTP/1.1\nHost: localhost:{port}\nAccept: application/fhir+json\nConnection: close\n\n")
                .expect(Expect.successOr(400)));
    }
}
