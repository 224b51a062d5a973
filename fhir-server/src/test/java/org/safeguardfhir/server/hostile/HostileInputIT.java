package org.safeguardfhir.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.server.hostile.HostileCase.Family;
import org.safeguardfhir.server.screening.ScreenedPatient;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hundreds of malformed, oversized and hostile requests (the catalogue is {@link PayloadCases} and
 * {@link RequestCases}), each sent on its own while nothing else runs. For each the server must answer within 5 s with
 * the status a correct FHIR server gives, never a 5xx; an error as a FHIR OperationOutcome in JSON (in XML only to a
 * client that sent XML and asked for no format, as FHIR answers it) that shows no
 * exception, class, stack frame or SQL; store nothing (resources by type and version, the screening outbox, export
 * jobs); and stay healthy. After all of them no query of the suite's may still run, and the heap must be back near
 * where it started.
 *
 * <p>The expected statuses are what a correct server answers, not what this one answers today; the summary test
 * prints the table per class, and writes every failing case to {@code target/hostile-input-report.txt}.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    static final long DEADLINE_MILLIS = 5_000;

    /** How long the server may go on working after the client gave up, before the next case is sent anyway. */
    static final Duration SETTLE_AFTER_TIMEOUT = Duration.ofSeconds(180);

    /** What an error answer must not show: Java exceptions, classes, stack frames, SQL and PostgreSQL errors. */
    static final List<String> LEAKS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "Exception",
            "at org.",
            "at java.",
            "at ca.uhn",
            "\tat ",
            ".java:",
            "ca.uhn.fhir.",
            "org.hibernate",
            "org.springframework",
            "org.apache",
            "org.postgresql",
            "com.fasterxml",
            "PSQLException",
            "ERROR:  ",
            "SQL");

    /** The sent case's outcome, kept for the summary. */
    record Result(
            HostileCase c,
            int status,
            long millis,
            boolean timedOut,
            String contentType,
            String excerpt,
            Map<String, String> stored,
            List<String> failures,
            long settleMillis) {

        boolean fiveHundred() {
            return status >= 500;
        }

        boolean clientError() {
            return status >= 400 && status < 500;
        }

        boolean slow() {
            return timedOut || millis > DEADLINE_MILLIS;
        }
    }

    static final Map<String, Result> RESULTS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(DEADLINE_MILLIS))
            .build();

    Fixtures fixtures;
    long heapBaseline;

    @BeforeAll
    void storeWhatTheCasesAimAt() {
        String patient = create(new Patient().setActive(true));
        String practitioner = create(new Practitioner());
        String duplicateSystem = "https://hostile.example.org/sid";
        String duplicateValue = "duplicate-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            create(new Patient()
                    .addIdentifier(new Identifier().setSystem(duplicateSystem).setValue(duplicateValue)));
        }
        // A processed screening, for $confirm-concern and PATCH; the pipeline is idle again once this returns.
        var screened = ScreenedPatient.create(client, jdbc, "1985-05-05");
        var plain = new QuestionnaireResponse()
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .setSubject(new Reference("Patient/" + patient));
        String plainResponse = create(plain);
        var observation = new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept().setText("hostile input fixture"))
                .setSubject(new Reference("Patient/" + patient));
        String observationId = create(observation);
        var questionnaires = client.search()
                .byUrl("Questionnaire?url=" + Fixtures.SCREENING_QUESTIONNAIRE)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(questionnaires.getEntry())
                .as("the adult screening Questionnaire")
                .isNotEmpty();
        fixtures = new Fixtures(
                port,
                TestTokens.superuser(),
                TestTokens.forRoles(Role.RESEARCHER),
                patient,
                practitioner,
                duplicateSystem + "%7C" + duplicateValue,
                screened.response(),
                screened.patientId(),
                plainResponse,
                questionnaires.getEntryFirstRep().getResource().getIdElement().getIdPart(),
                observationId);
        awaitQuiet();
        heapBaseline = heapAfterGc();
    }

    Stream<HostileCase> cases() {
        var all = new ArrayList<HostileCase>();
        all.addAll(PayloadCases.all());
        all.addAll(RequestCases.all());
        var names = new HashSet<String>();
        for (var c : all) {
            if (!names.add(c.name)) {
                throw new IllegalStateException("two cases are named " + c.name);
            }
        }
        return all.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAHostileRequestQuicklyWithAnOperationOutcomeAndStoresNothing(HostileCase c) {
        awaitQuiet();
        var before = snapshot();

        var answer = send(c);

        long settled = settle(answer.timedOut() ? SETTLE_AFTER_TIMEOUT : Duration.ofSeconds(10));
        var stored = difference(before, snapshot());
        var failures = new ArrayList<String>();
        if (answer.timedOut()) {
            failures.add("no answer within " + DEADLINE_MILLIS + " ms (server busy for a further " + settled + " ms)");
        } else if (answer.status() < 0) {
            failures.add("no HTTP answer: " + answer.error());
        } else {
            if (answer.status() >= 500) {
                failures.add("5xx");
            }
            if (!c.expect.accepts(answer.status())) {
                failures.add("status " + answer.status() + ", expected " + c.expect.label());
            }
            if (answer.millis() > DEADLINE_MILLIS) {
                failures.add("answered after " + answer.millis() + " ms");
            }
            if (answer.status() >= 400) {
                failures.addAll(operationOutcomeProblems(answer, sentXmlOnly(c)));
            }
        }
        for (String echo : c.mustNotEcho) {
            if (answer.text().contains(echo) || answer.headerText().contains(echo)) {
                failures.add("the answer echoes " + echo);
            }
        }
        boolean writeExpected = c.mayWrite && answer.status() >= 200 && answer.status() < 300;
        if (!stored.isEmpty() && !writeExpected) {
            failures.add("stored " + stored);
        }
        String health = health();
        if (health != null) {
            failures.add("unhealthy afterwards: " + health);
        }
        RESULTS.put(
                c.name,
                new Result(
                        c,
                        answer.status(),
                        answer.millis(),
                        answer.timedOut(),
                        answer.header("Content-Type"),
                        excerpt(answer.text()),
                        writeExpected ? Map.of() : stored,
                        failures,
                        settled));

        assertThat(failures)
                .as(
                        "%s %s -> %s in %d ms, Content-Type %s: %s",
                        c.method,
                        abbreviate(c.path, 120),
                        answer.status(),
                        answer.millis(),
                        answer.header("Content-Type"),
                        excerpt(answer.text()))
                .isEmpty();
    }

    @Order(2)
    @Test
    void summaryTableShowsNoFiveHundredsNoSlowAnswersAndNothingStored() throws IOException {
        var byFamily = new TreeMap<Family, List<Result>>();
        RESULTS.values().forEach(r -> byFamily.computeIfAbsent(r.c().family, f -> new ArrayList<>())
                .add(r));
        var table = new StringBuilder();
        table.append(String.format(
                "%-32s %6s %5s %5s %5s %5s %5s %6s %6s%n",
                "class", "cases", "2xx", "4xx", "5xx", "none", "slow", "stored", "failed"));
        int[] totals = new int[8];
        byFamily.forEach((family, results) -> {
            int[] row = {
                results.size(),
                count(results, r -> r.status() >= 200 && r.status() < 400),
                count(results, Result::clientError),
                count(results, Result::fiveHundred),
                count(results, r -> r.status() < 0),
                count(results, Result::slow),
                count(results, r -> !r.stored().isEmpty()),
                count(results, r -> !r.failures().isEmpty())
            };
            for (int i = 0; i < row.length; i++) {
                totals[i] += row[i];
            }
            table.append(row(family.label, row));
        });
        table.append(row("total", totals));

        var report = new StringBuilder(table).append('\n');
        RESULTS.values().stream()
                .filter(r -> !r.failures().isEmpty())
                .sorted((a, b) -> a.c().name.compareTo(b.c().name))
                .forEach(r -> report.append(String.format(
                        "FAIL %s%n     %s %s%n     expected %s, got %s in %d ms%s, Content-Type %s%n     %s%n     body: %s%n",
                        r.c().name,
                        r.c().method,
                        abbreviate(r.c().path, 160),
                        r.c().expect.label(),
                        r.status() < 0 ? "no answer" : String.valueOf(r.status()),
                        r.millis(),
                        r.settleMillis() > 1_000 ? " (server busy " + r.settleMillis() + " ms more)" : "",
                        r.contentType(),
                        String.join("; ", r.failures()),
                        r.excerpt())));
        Path file = Path.of("target", "hostile-input-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("Hostile input suite (details in " + file.toAbsolutePath() + "):\n" + table);

        assertThat(totals[0]).as("cases sent").isGreaterThanOrEqualTo(300);
        assertThat(totals[3]).as("5xx answers\n" + table).isZero();
        assertThat(totals[5]).as("answers slower than 5 s\n" + table).isZero();
        assertThat(totals[6])
                .as("rejected requests that stored something\n" + table)
                .isZero();
        assertThat(totals[7]).as("failed cases\n" + table).isZero();
    }

    @Order(3)
    @Test
    void afterTheSuiteNoQueryOfOursIsStillRunningAndTheHeapIsBackNearItsStart() {
        // A request the client gave up on may still be at work; give it a few seconds, not more.
        await().atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT pid, state, now() - query_start AS running, left(query, 200) AS query"
                                        + " FROM pg_stat_activity WHERE datname = current_database()"
                                        + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                                        + " AND state = 'active'"))
                        .as("queries still active in pg_stat_activity")
                        .isEmpty());
        assertThat(busyRequestThreads()).as("request threads still at work").isZero();

        long heap = heapAfterGc();
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        System.out.printf(
                "Heap after the suite: %d MB used (%d MB before it, %d MB max)%n",
                heap >> 20, heapBaseline >> 20, max >> 20);
        // Every case's body is garbage once answered: what stays is what the server keeps.
        assertThat(heap - heapBaseline).as("heap retained by the suite, bytes").isLessThan(512L << 20);
    }

    // --- sending ---

    /** An answer, however it came. */
    record Answer(
            int status, Map<String, List<String>> headers, byte[] body, long millis, boolean timedOut, String error) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String headerText() {
            return headers.toString();
        }
    }

    Answer send(HostileCase c) {
        long start = System.nanoTime();
        if (c.raw != null) {
            return fromRaw(RawHttp.send(port, c.raw.apply(fixtures), DEADLINE_MILLIS), start);
        }
        String path = fixtures.resolve(c.path);
        byte[] body = c.body == null ? null : c.body.apply(fixtures);
        var headers = new ArrayList<String>();
        switch (c.auth) {
            case SUPERUSER -> headers.addAll(List.of("Authorization", "Bearer " + fixtures.superuser()));
            case RESEARCHER -> headers.addAll(List.of("Authorization", "Bearer " + fixtures.researcher()));
            case NONE -> {}
        }
        if (!c.hasHeader("Accept")) {
            headers.addAll(List.of("Accept", "application/fhir+json"));
        }
        if (body != null && c.contentType && !c.hasHeader("Content-Type")) {
            headers.addAll(List.of("Content-Type", "application/fhir+json"));
        }
        for (int i = 0; i < c.headers.size(); i += 2) {
            headers.add(c.headers.get(i));
            headers.add(fixtures.resolve(c.headers.get(i + 1)));
        }
        HttpRequest request;
        try {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofMillis(DEADLINE_MILLIS))
                    .method(
                            c.method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (int i = 0; i < headers.size(); i += 2) {
                builder.header(headers.get(i), headers.get(i + 1));
            }
            request = builder.build();
        } catch (IllegalArgumentException refusedByHttpClient) {
            // A path java.net.URI will not take (bad percent-encoding, a space), or a method or header HttpClient
            // will not send: the same request, written to a socket.
            return fromRaw(
                    RawHttp.send(port, RawHttp.request(c.method, path, port, headers, body), DEADLINE_MILLIS), start);
        }
        var future = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            var response = future.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            return new Answer(
                    response.statusCode(), response.headers().map(), response.body(), millisSince(start), false, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Answer(-1, Map.of(), new byte[0], millisSince(start), true, "timeout");
        } catch (ExecutionException e) {
            boolean timeout = e.getCause() instanceof java.net.http.HttpTimeoutException;
            return new Answer(-1, Map.of(), new byte[0], millisSince(start), timeout, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer fromRaw(RawHttp.Answer raw, long start) {
        return new Answer(raw.status(), raw.headers(), raw.body(), millisSince(start), raw.timedOut(), raw.error());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    // --- checks ---

    /**
     * Whether the case sent an XML body and asked for no format: FHIR answers such a client in XML, so its
     * OperationOutcome may be XML; every other error answer is JSON.
     */
    private static boolean sentXmlOnly(HostileCase c) {
        return c.raw == null
                && !c.hasHeader("Accept")
                && !c.path.contains("_format")
                && headerValue(c, "Content-Type").toLowerCase(Locale.ROOT).contains("xml");
    }

    private static String headerValue(HostileCase c, String name) {
        for (int i = 0; i < c.headers.size(); i += 2) {
            if (c.headers.get(i).equalsIgnoreCase(name)) {
                return c.headers.get(i + 1);
            }
        }
        return "";
    }

    static List<String> operationOutcomeProblems(Answer answer, boolean xmlAllowed) {
        var problems = new ArrayList<String>();
        String contentType = answer.header("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean xml = xmlAllowed && type.startsWith("application/fhir+xml");
        if (!type.startsWith("application/fhir+json") && !xml) {
            problems.add("Content-Type " + contentType + ", not application/fhir+json");
        }
        String text = answer.text();
        try {
            var parser = xml
                    ? FhirClients.context().newXmlParser()
                    : FhirClients.context().newJsonParser();
            var parsed = parser.parseResource(text);
            if (!(parsed instanceof OperationOutcome)) {
                problems.add("body is a " + parsed.fhirType() + ", not an OperationOutcome");
            }
        } catch (DataFormatException | ClassCastException e) {
            problems.add(text.isBlank() ? "empty body" : "body is not FHIR JSON");
        }
        var leaks = new TreeSet<String>();
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                leaks.add(leak.replace("\t", "\\t"));
            }
        }
        if (!leaks.isEmpty()) {
            problems.add("body shows " + leaks);
        }
        return problems;
    }

    /** Null when {@code /actuator/health} answers 200 UP, else what it answered. */
    String health() {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofMillis(DEADLINE_MILLIS))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"")
                    ? null
                    : response.statusCode() + " " + excerpt(response.body());
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- what is stored, and whether the server is still at work ---

    /**
     * Resources by type (count and sum of versions, so that updates and deletes count too), screening outbox rows and
     * export jobs. AuditEvents are left out: the audit relay writes them in the background for every request.
     */
    Map<String, String> snapshot() {
        var counts = new TreeMap<String, String>();
        jdbc.query(
                "SELECT res_type, count(*) AS n, coalesce(sum(res_ver), 0) AS v FROM hfj_resource"
                        + " WHERE res_type <> 'AuditEvent' GROUP BY res_type",
                (org.springframework.jdbc.core.RowCallbackHandler) row ->
                        counts.put(row.getString("res_type"), row.getLong("n") + " resources/v" + row.getLong("v")));
        counts.put("screening hand-offs", String.valueOf(handOffs()));
        counts.put(
                "export_job",
                String.valueOf(jdbc.queryForObject("SELECT count(*) FROM safeguard.export_job", Long.class)));
        return counts;
    }

    /** Screenings waiting to be turned into referrals. */
    long handOffs() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM safeguard.scheduled_tasks WHERE task_name = ?", Long.class, ScreeningOutbox.KIND);
    }

    static Map<String, String> difference(Map<String, String> before, Map<String, String> after) {
        var changed = new LinkedHashMap<String, String>();
        var keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String was = before.getOrDefault(key, "none");
            String is = after.getOrDefault(key, "none");
            if (!was.equals(is)) {
                changed.put(key, was + " -> " + is);
            }
        }
        return changed;
    }

    /** Waits until no screening is in flight and the server is idle, so that a case's counts are its own. */
    void awaitQuiet() {
        await().atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> handOffs() == 0);
        settle(Duration.ofSeconds(30));
    }

    /**
     * Waits (at most {@code cap}) until no request thread is serving a request and no connection of this database
     * is in a statement or a transaction, twice in a row; returns how long that took.
     */
    long settle(Duration cap) {
        long start = System.currentTimeMillis();
        var quietLooks = new AtomicInteger();
        try {
            await().atMost(cap)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        boolean busy = busyRequestThreads() > 0 || busyConnections() > 0;
                        return busy ? quietLooks.getAndSet(0) < 0 : quietLooks.incrementAndGet() >= 2;
                    });
        } catch (ConditionTimeoutException stillBusy) {
            // The caller reports how long the server stayed busy; the cap only bounds the wait.
        }
        return System.currentTimeMillis() - start;
    }

    /** Tomcat threads (the server runs in this JVM) that are inside the servlet pipeline. */
    static long busyRequestThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != Thread.currentThread())
                .filter(e -> e.getKey().getName().contains("-exec-"))
                .filter(e -> Stream.of(e.getValue())
                        .anyMatch(frame -> frame.getClassName().equals("org.apache.catalina.connector.CoyoteAdapter")))
                .count();
    }

    long busyConnections() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND backend_type = 'client backend' AND state <> 'idle'",
                Long.class);
    }

    // --- helpers ---

    private String create(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return client.create().resource(resource).execute().getId().getIdPart();
    }

    private static long heapAfterGc() {
        // Explicit collections are full and stop the world on G1 (the test JVM's collector), so each has finished.
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int count(List<Result> results, java.util.function.Predicate<Result> test) {
        return (int) results.stream().filter(test).count();
    }

    private static String row(String label, int[] values) {
        return String.format(
                "%-32s %6d %5d %5d %5d %5d %5d %6d %6d%n",
                label, values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}&&[^\t]]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return abbreviate(flat, 400);
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…(" + text.length() + " chars)";
    }
}
