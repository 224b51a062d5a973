package org.safeguardfhir.server.bench;

import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.safeguardfhir.server.access.RestrictedLabels;
import org.safeguardfhir.server.support.FhirClients;

/**
 * What access control costs on the dashboard's search, {@code Task?status=requested&_count=50}: the same search, on
 * the same data, against a server with access control (as the safeguarding lead, a clinician and a dashboard) and against one
 * without it (see {@link AccessControlOffServer} and bench/access-overhead.sh). Not a test: run it with exec:java.
 *
 * <p>Both servers get the same data: positive screenings, whose referral Tasks the pipeline labels restricted, and
 * as many unlabelled Tasks of the same shape, interleaved, so that a page of 50 holds both kinds. The lead sees both
 * (and each search that shows a restricted Task is audited); the clinician's search is narrowed to the unlabelled
 * ones; the baseline sees both, anonymously.
 *
 * <p>Requests are paired: each round sends the search once per caller, in a shuffled order, one at a time, so slow
 * phases of the machine fall on all callers alike. Two variants: "cached" is what a dashboard polling the same URL
 * gets (HAPI reuses a search's results for a minute); "fresh" sends {@code Cache-Control: no-cache}, so every search
 * runs its query. Every answer is checked (200, 50 entries, the restricted ones present or absent as they must be)
 * outside the timed part.
 *
 * <p>Tokens come from {@code BENCH_SUBMITTER_TOKEN}, {@code BENCH_LEAD_TOKEN}, {@code BENCH_CLINICIAN_TOKEN} and
 * {@code BENCH_DASHBOARD_TOKEN}.
 * Arguments: the protected server's port, the baseline's port, screenings to seed, warm-up rounds, measured rounds
 * per run, runs.
 */
public final class AccessOverheadBenchmark {

    static final String SEARCH = "Task?status=requested&_count=50";
    private static final int PAGE = 50;

    enum Caller {
        BASELINE,
        LEAD,
        CLINICIAN,
        DASHBOARD
    }

    enum Variant {
        CACHED,
        FRESH
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Caller, String> base = new EnumMap<>(Caller.class);
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final Random random = new Random(42);

    private AccessOverheadBenchmark(int protectedPort, int baselinePort) {
        base.put(Caller.BASELINE, FhirClients.baseUrl(baselinePort));
        base.put(Caller.LEAD, FhirClients.baseUrl(protectedPort));
        base.put(Caller.CLINICIAN, FhirClients.baseUrl(protectedPort));
        base.put(Caller.DASHBOARD, FhirClients.baseUrl(protectedPort));
        tokens.put(Caller.LEAD, env("BENCH_LEAD_TOKEN"));
        tokens.put(Caller.CLINICIAN, env("BENCH_CLINICIAN_TOKEN"));
        tokens.put(Caller.DASHBOARD, env("BENCH_DASHBOARD_TOKEN"));
    }

    public static void main(String[] args) throws Exception {
        int protectedPort = Integer.parseInt(args[0]);
        int baselinePort = Integer.parseInt(args[1]);
        int screenings = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        if (screenings < PAGE) {
            // Each screening adds one unlabelled Task: fewer could not fill the clinician's page of 50.
            throw new IllegalArgumentException("seed at least " + PAGE + " screenings, not " + screenings);
        }
        var bench = new AccessOverheadBenchmark(protectedPort, baselinePort);

        seed(
                FhirClients.forPort(protectedPort, env("BENCH_SUBMITTER_TOKEN")),
                FhirClients.forPort(protectedPort, env("BENCH_LEAD_TOKEN")),
                screenings);
        seed(FhirClients.anonymous(baselinePort), FhirClients.anonymous(baselinePort), screenings);
        bench.checkBaselineIsOpenAndProtectedIsNot();

        bench.rounds(warmUp);
        var perRun = new ArrayList<Map<Variant, Map<Caller, Long>>>();
        for (int r = 1; r <= runs; r++) {
            Map<Variant, Map<Caller, List<Long>>> samples = bench.rounds(rounds);
            var medians = new EnumMap<Variant, Map<Caller, Long>>(Variant.class);
            for (Variant variant : Variant.values()) {
                var byCaller = new EnumMap<Caller, Long>(Caller.class);
                var line = new StringBuilder(String.format(Locale.ROOT, "run=%d variant=%s", r, name(variant)));
                for (Caller caller : Caller.values()) {
                    List<Long> sorted = new ArrayList<>(samples.get(variant).get(caller));
                    Collections.sort(sorted);
                    byCaller.put(caller, percentile(sorted, 0.50));
                    line.append(String.format(
                            Locale.ROOT,
                            " %s_p50_ms=%.1f %s_p95_ms=%.1f",
                            name(caller),
                            millis(percentile(sorted, 0.50)),
                            name(caller),
                            millis(percentile(sorted, 0.95))));
                }
                medians.put(variant, byCaller);
                System.out.println(line.append(ratios(byCaller)));
            }
            perRun.add(medians);
        }
        for (Variant variant : Variant.values()) {
            var overRuns = new EnumMap<Caller, Long>(Caller.class);
            var line = new StringBuilder("median-of-runs variant=" + name(variant));
            for (Caller caller : Caller.values()) {
                List<Long> medians = new ArrayList<>(
                        perRun.stream().map(run -> run.get(variant).get(caller)).toList());
                Collections.sort(medians);
                overRuns.put(caller, percentile(medians, 0.50));
                line.append(
                        String.format(Locale.ROOT, " %s_p50_ms=%.1f", name(caller), millis(percentile(medians, 0.50))));
            }
            System.out.println(line.append(ratios(overRuns)));
        }
    }

    /**
     * Positive screenings, each followed by an unlabelled copy of its lead Task (the same size and shape, so the
     * clinician's page costs as much to render as the others'), once the pipeline has made it.
     */
    static void seed(IGenericClient submitter, IGenericClient writer, int screenings) {
        var author = new Reference(submitter
                .create()
                .resource(new Practitioner())
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
        for (int i = 0; i < screenings; i++) {
            String responseId = PipelineLatencyBenchmark.submit(submitter, author);
            String identifier = ReferralIdentifiers.TASK_SYSTEM + "|" + responseId + ".designated-safeguarding-lead";
            Task lead = await().atMost(Duration.ofMinutes(2))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> PipelineLatencyBenchmark.leadTask(writer, identifier), found -> found != null);
            Task ordinary = lead.copy();
            ordinary.setId((String) null);
            ordinary.setMeta(null);
            ordinary.getIdentifier().clear();
            writer.create().resource(ordinary).execute();
        }
    }

    /** Guards the comparison: the baseline must really be open, and the protected server really protected. */
    void checkBaselineIsOpenAndProtectedIsNot() throws IOException, InterruptedException {
        var anonymous = HttpRequest.newBuilder(URI.create(base.get(Caller.LEAD) + "/" + SEARCH))
                .GET()
                .build();
        int status =
                http.send(anonymous, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 401) {
            throw new IllegalStateException("the protected server answered an anonymous search with " + status);
        }
        for (Caller caller : Caller.values()) {
            check(caller, send(caller, Variant.FRESH).body());
        }
    }

    /** Sends the search once per caller per variant per round; returns the latencies in microseconds. */
    Map<Variant, Map<Caller, List<Long>>> rounds(int count) throws IOException, InterruptedException {
        var samples = new EnumMap<Variant, Map<Caller, List<Long>>>(Variant.class);
        for (Variant variant : Variant.values()) {
            var byCaller = new EnumMap<Caller, List<Long>>(Caller.class);
            for (Caller caller : Caller.values()) {
                byCaller.put(caller, new ArrayList<>(count));
            }
            samples.put(variant, byCaller);
        }
        var order = new ArrayList<>(List.of(Caller.values()));
        for (int i = 0; i < count; i++) {
            for (Variant variant : Variant.values()) {
                Collections.shuffle(order, random);
                for (Caller caller : order) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = send(caller, variant);
                    long micros = (System.nanoTime() - start) / 1_000;
                    check(caller, response.body());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name(caller) + " got " + response.statusCode());
                    }
                    samples.get(variant).get(caller).add(micros);
                }
            }
        }
        return samples;
    }

    private HttpResponse<String> send(Caller caller, Variant variant) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base.get(caller) + "/" + SEARCH))
                .header("Accept", "application/fhir+json")
                .GET();
        if (tokens.containsKey(caller)) {
            request.header("Authorization", "Bearer " + tokens.get(caller));
        }
        if (variant == Variant.FRESH) {
            request.header("Cache-Control", "no-cache");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A full page, with restricted Tasks for the lead and the baseline, none for the clinician, and for the dashboard
     * nothing but pseudonymised copies.
     */
    private static void check(Caller caller, String body) {
        Bundle page = FhirClients.context().newJsonParser().parseResource(Bundle.class, body);
        long restricted = page.getEntry().stream()
                .filter(entry -> RestrictedLabels.restricted(entry.getResource()))
                .count();
        long pseudonymised = page.getEntry().stream()
                .filter(entry -> entry.getResource().getMeta().getSecurity().stream()
                        .anyMatch(label -> "PSEUDED".equals(label.getCode())))
                .count();
        boolean expected =
                switch (caller) {
                    case CLINICIAN -> restricted == 0;
                    case DASHBOARD ->
                        restricted == 0 && pseudonymised == page.getEntry().size();
                    default -> restricted > 0;
                };
        if (page.getEntry().size() != PAGE || !expected) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "%s got %d entries, %d of them restricted",
                    name(caller),
                    page.getEntry().size(),
                    restricted));
        }
    }

    private static String ratios(Map<Caller, Long> medians) {
        var ratios = new LinkedHashMap<String, Double>();
        double baseline = medians.get(Caller.BASELINE);
        for (Caller caller : List.of(Caller.LEAD, Caller.CLINICIAN, Caller.DASHBOARD)) {
            ratios.put(name(caller), medians.get(caller) / baseline);
        }
        var text = new StringBuilder();
        ratios.forEach((caller, ratio) -> text.append(String.format(Locale.ROOT, " %s_ratio=%.2f", caller, ratio)));
        return text.toString();
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    static long percentile(List<Long> sorted, double p) {
        return PipelineLatencyBenchmark.percentile(sorted, p);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
