package org.safeguardfhir.server.bench;

import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.deidentification.kanonymity.PatientQuasiIdentifiers;
import org.safeguardfhir.server.support.FhirClients;

/**
 * How long the research export takes, and how much heap the server uses making it: seeds screened patients whose
 * age, sex, postcode and nationality vary (so k-anonymity has rare patients to generalise and suppress), waits for the
 * pipeline to refer them, then runs the whole export (kick-off to manifest) and downloads its files, several times.
 * Not a test: run it with exec:java (bench/research-export.sh).
 *
 * <p>Tokens come from {@code BENCH_SUBMITTER_TOKEN} (GP system and lead, to read the Tasks back),
 * {@code BENCH_RESEARCHER_TOKEN} and {@code BENCH_ADMIN_TOKEN} (the server's metrics). Arguments: port, screened
 * patients to seed, runs.
 */
public final class ResearchExportBenchmark {

    private static final String[] POSTCODES = {"M4 5JD", "M4 6AB", "LS2 7EW", "E1 6AN", "SW1A 1AA", "B1 1AA", "0150"};
    private static final String[] NATIONALITIES = {"GB", "AL", "VN", "RO", "ER", "SD", "PL"};
    private static final Pattern HEAP =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+-]+)$");

    private static final Pattern LIVE = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes\\{[^}]*\\} ([0-9.E+-]+)$");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String researcher = System.getenv("BENCH_RESEARCHER_TOKEN");
    private final String admin = System.getenv("BENCH_ADMIN_TOKEN");

    private ResearchExportBenchmark(int port) {
        this.base = FhirClients.baseUrl(port);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int patients = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        IGenericClient client = FhirClients.forPort(port, System.getenv("BENCH_SUBMITTER_TOKEN"));
        var benchmark = new ResearchExportBenchmark(port);
        var ids = seed(client, patients);
        for (String id : ids) {
            PipelineLatencyBenchmark.awaitTask(client, id);
        }
        var seconds = new ArrayList<Double>();
        var heap = new ArrayList<Double>();
        for (int run = 0; run <= runs; run++) {
            var result = benchmark.export();
            // Run 0 warms the JIT up and is not counted.
            if (run > 0) {
                seconds.add(result.seconds());
                heap.add(result.heapGrowthMiB());
                System.out.printf(
                        Locale.ROOT,
                        "run=%d patients=%d resources=%d bytes=%d export_s=%.2f download_s=%.2f"
                                + " heap_before_mib=%.0f heap_peak_mib=%.0f live_after_gc_peak_mib=%.0f suppressed=%d generalised=%d%n",
                        run,
                        result.patients(),
                        result.resources(),
                        result.bytes(),
                        result.seconds(),
                        result.downloadSeconds(),
                        result.heapBeforeMiB(),
                        result.heapPeakMiB(),
                        result.livePeakMiB(),
                        result.suppressed(),
                        result.generalised());
            }
        }
        Collections.sort(seconds);
        Collections.sort(heap);
        System.out.printf(
                Locale.ROOT,
                "median-of-runs export_s=%.2f heap_growth_mib=%.0f%n",
                seconds.get(seconds.size() / 2),
                heap.get(heap.size() / 2));
    }

    record Result(
            long patients,
            long resources,
            long bytes,
            double seconds,
            double downloadSeconds,
            double heapBeforeMiB,
            double heapPeakMiB,
            double livePeakMiB,
            long suppressed,
            long generalised) {
        double heapGrowthMiB() {
            return heapPeakMiB - heapBeforeMiB;
        }
    }

    private Result export() throws Exception {
        double heapBefore = metricMiB(HEAP);
        double heapPeak = heapBefore;
        double livePeak = metricMiB(LIVE);
        long started = System.nanoTime();
        var kickOff = send("$export", researcher, "Prefer", "respond-async");
        if (kickOff.statusCode() != 202) {
            throw new IllegalStateException("kick-off answered " + kickOff.statusCode() + ": " + kickOff.body());
        }
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
        var peaks = new double[] {heapPeak, livePeak};
        var last = new AtomicReference<HttpResponse<String>>();
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    peaks[0] = Math.max(peaks[0], metricMiB(HEAP));
                    peaks[1] = Math.max(peaks[1], metricMiB(LIVE));
                    last.set(send(status.substring(base.length() + 1), researcher));
                    return last.get().statusCode() != 202;
                });
        heapPeak = peaks[0];
        livePeak = peaks[1];
        HttpResponse<String> answer = last.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("status answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode manifest = json.readTree(answer.body());
        long downloadStart = System.nanoTime();
        long resources = 0;
        long bytes = 0;
        for (JsonNode output : manifest.get("output")) {
            var file = send(output.get("url").asText().substring(base.length() + 1), researcher);
            if (file.statusCode() != 200
                    || file.body().lines().count() != output.get("count").asLong()) {
                throw new IllegalStateException("file " + output.get("url") + " answered " + file.statusCode());
            }
            resources += output.get("count").asLong();
            bytes += file.body().length();
        }
        double download = (System.nanoTime() - downloadStart) / 1e9;
        JsonNode summary = manifest.get("extension").elements().next().get("patients");
        send(status.substring(base.length() + 1), researcher, "DELETE");
        return new Result(
                summary.get("total").asLong(),
                resources,
                bytes,
                seconds,
                download,
                heapBefore,
                heapPeak,
                livePeak,
                summary.get("suppressed").asLong(),
                summary.get("generalised").asLong());
    }

    /** The sum of a metric's series, in MiB. */
    private double metricMiB(Pattern metric) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base.replaceFirst("/fhir$", "") + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + admin)
                .build();
        var matcher = metric.matcher(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total / (1024 * 1024);
    }

    private HttpResponse<String> send(String path, String token, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + "/" + path)).header("Authorization", "Bearer " + token);
        if (headers.length == 1 && "DELETE".equals(headers[0])) {
            request.DELETE();
        } else if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Screened patients, eight at a time; returns their responses' ids. */
    private static List<String> seed(IGenericClient client, int count) throws InterruptedException {
        var author = new Reference(client.create()
                .resource(new Practitioner())
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
        var random = new Random(7);
        var ids = new ConcurrentLinkedQueue<String>();
        var senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            var patient = patient(random);
            senders.execute(() -> ids.add(PipelineLatencyBenchmark.submit(client, author, patient)));
        }
        senders.shutdown();
        if (!senders.awaitTermination(30, TimeUnit.MINUTES) || ids.size() != count) {
            throw new IllegalStateException("only " + ids.size() + " of " + count + " screenings were stored");
        }
        return List.copyOf(ids);
    }

    private static Patient patient(Random random) {
        var patient = new Patient()
                .setGender(random.nextBoolean() ? AdministrativeGender.FEMALE : AdministrativeGender.MALE)
                .setBirthDateElement(new DateType(String.format(
                        Locale.ROOT,
                        "%d-%02d-%02d",
                        1950 + random.nextInt(58),
                        1 + random.nextInt(12),
                        1 + random.nextInt(28))));
        patient.addIdentifier()
                .setSystem("https://gp.example.org/fhir/sid/local-patient-id")
                .setValue(UUID.randomUUID().toString());
        patient.addName().setFamily("Bench" + random.nextInt(100_000));
        patient.addAddress().setPostalCode(POSTCODES[random.nextInt(POSTCODES.length)]);
        // Skewed, as in the NRM: most patients share a few nationalities, some are rare.
        String nationality =
                NATIONALITIES[Math.min(random.nextInt(NATIONALITIES.length * 2), random.nextInt(NATIONALITIES.length))];
        var extension = new Extension(PatientQuasiIdentifiers.NATIONALITY_URL);
        extension.addExtension(
                new Extension("code", new CodeableConcept(new Coding("urn:iso:std:iso:3166", nationality, null))));
        patient.addExtension(extension);
        return patient;
    }
}
