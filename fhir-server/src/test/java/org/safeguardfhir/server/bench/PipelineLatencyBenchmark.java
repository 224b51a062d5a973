package org.safeguardfhir.server.bench;

import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.PackageExamples;

/**
 * Screening-to-Task latency at a steady arrival rate, against a running server (see bench/pipeline-latency.sh).
 * Each arrival is one GP transaction (a Patient and a positive screening response). Latency is the time between
 * the response being stored and the safeguarding lead's Task being stored, both as the server stamped them
 * (meta.lastUpdated), so the load generator's own pauses do not count. Not a test: run it with exec:java.
 *
 * <p>The token comes from {@code BENCH_TOKEN} (the script mints one with the server's local issuer). Arguments: port, rate per second, measured seconds, warm-up screenings (sent at up to 10 per second, then waited
 * for, since a freshly started JVM spends much of its CPU compiling HAPI's code), and the number of measured runs.
 * All runs share this one JVM: a load generator started afresh for each run would compile its own code on the same
 * two cores during the first seconds of the run, and that pause would be charged to the server.
 */
public final class PipelineLatencyBenchmark {

    private static final int WARM_UP_RATE = 10;

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        IGenericClient client = FhirClients.forPort(port, System.getenv("BENCH_TOKEN"));
        var author = new Reference(client.create()
                .resource(new Practitioner())
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());

        // Warm the JIT up below saturation and let the pipeline drain, so the measured run starts from a steady state.
        for (String id : run(client, author, Math.min(rate, WARM_UP_RATE), warmUp)) {
            awaitTask(client, id);
        }
        for (int r = 1; r <= runs; r++) {
            List<String> ids = run(client, author, rate, rate * seconds);
            List<Sample> samples = new ArrayList<>();
            for (String id : ids) {
                samples.add(awaitTask(client, id));
            }
            trace(r, samples);
            List<Long> latencies =
                    new ArrayList<>(samples.stream().map(Sample::latencyMillis).toList());
            Collections.sort(latencies);
            System.out.printf(
                    Locale.ROOT,
                    "run=%d screenings=%d rate=%d/s p50_ms=%d p99_ms=%d max_ms=%d%n",
                    r,
                    latencies.size(),
                    rate,
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    latencies.get(latencies.size() - 1));
        }
    }

    /** Submits {@code count} screenings at {@code rate} per second; returns the stored responses' ids. */
    static List<String> run(IGenericClient client, Reference author, int rate, int count) throws InterruptedException {
        var ids = new ConcurrentLinkedQueue<String>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var senders = Executors.newFixedThreadPool(16);
        var clock = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = 1_000_000L / rate;
        var sent = new java.util.concurrent.atomic.AtomicInteger();
        clock.scheduleAtFixedRate(
                () -> {
                    if (sent.getAndIncrement() < count) {
                        senders.execute(() -> {
                            try {
                                ids.add(submit(client, author));
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        });
                    }
                },
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
        await().atMost(Duration.ofSeconds(count / rate + 60L))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> sent.get() >= count);
        clock.shutdown();
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " submissions failed", failures.peek());
        }
        return List.copyOf(ids);
    }

    static String submit(IGenericClient client, Reference author) {
        var patient = new Patient().setBirthDateElement(new DateType("1988-08-08"));
        patient.addIdentifier()
                .setSystem("https://gp.example.org/fhir/sid/local-patient-id")
                .setValue(UUID.randomUUID().toString());
        return submit(client, author, patient);
    }

    /** One GP transaction: the patient and a positive adult screening of theirs; returns the response's id. */
    static String submit(IGenericClient client, Reference author, Patient patient) {
        var response = PackageExamples.example(QuestionnaireResponse.class, "adult-screening-positive")
                .copy();
        response.setId((String) null);
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        response.setSubject(new Reference(patientUrl));
        response.setAuthor(author.copy());
        response.getIdentifier().setValue(UUID.randomUUID().toString());
        var transaction = new Bundle().setType(BundleType.TRANSACTION);
        transaction
                .addEntry()
                .setFullUrl(patientUrl)
                .setResource(patient)
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl("Patient");
        transaction
                .addEntry()
                .setResource(response)
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl("QuestionnaireResponse");
        Bundle result = client.transaction().withBundle(transaction).execute();
        return result.getEntry().get(1).getResponse().getLocation().split("/")[1];
    }

    /** When one screening was stored, and how long its lead Task took. */
    record Sample(long storedMillis, long latencyMillis) {}

    /** With BENCH_TRACE set to a directory, writes each run's samples there, to see when the slow ones happened. */
    static void trace(int run, List<Sample> samples) {
        String directory = System.getenv("BENCH_TRACE");
        if (directory == null || directory.isBlank()) {
            return;
        }
        long start = samples.stream().mapToLong(Sample::storedMillis).min().orElse(0);
        var lines = new ArrayList<String>();
        lines.add("stored_offset_ms,latency_ms");
        samples.stream()
                .sorted(java.util.Comparator.comparingLong(Sample::storedMillis))
                .forEach(s -> lines.add((s.storedMillis() - start) + "," + s.latencyMillis()));
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(directory, "run-" + run + ".csv"), lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The response's storage time and the time from it to its lead Task's storage, waiting for the Task. */
    static Sample awaitTask(IGenericClient client, String responseId) {
        var response = client.read()
                .resource(QuestionnaireResponse.class)
                .withId(responseId)
                .execute();
        String identifier = ReferralIdentifiers.TASK_SYSTEM + "|" + responseId + ".designated-safeguarding-lead";
        Task task = await().atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> leadTask(client, identifier), found -> found != null);
        long stored = response.getMeta().getLastUpdated().getTime();
        return new Sample(stored, task.getMeta().getLastUpdated().getTime() - stored);
    }

    static Task leadTask(IGenericClient client, String identifier) {
        // no-store: HAPI would otherwise keep every one of these searches, and clean them up during the next run.
        Bundle found = client.search()
                .byUrl("Task?identifier=" + identifier)
                .cacheControl(new CacheControlDirective().setNoStore(true))
                .returnBundle(Bundle.class)
                .execute();
        return found.getEntry().isEmpty()
                ? null
                : (Task) found.getEntryFirstRep().getResource();
    }

    static long percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
