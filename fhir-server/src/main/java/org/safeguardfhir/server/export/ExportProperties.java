package org.safeguardfhir.server.export;

import java.time.Duration;
import java.util.List;
import org.safeguardfhir.work.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param configurations the de-identification configurations an export may name; the first is the default
 * @param k the smallest group of patients sharing age band, sex, region and nationality that an export shows
 * @param wideAgeBands lower bounds of the wider age bands used when a patient's band is too rare
 * @param retention how long a finished export's files are kept
 * @param resourcesPerFile resources in one NDJSON file at most
 * @param cleanupInterval how often expired exports are looked for and deleted
 * @param maxAttempts attempts after which an export that keeps failing is marked failed; a node that died while it
 *     made the export counts one
 * @param initialBackoff the wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 */
@ConfigurationProperties("safeguard.export")
public record ExportProperties(
        List<String> configurations,
        Integer k,
        List<Integer> wideAgeBands,
        Duration retention,
        Integer resourcesPerFile,
        Duration cleanupInterval,
        Integer maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff) {

    public ExportProperties {
        configurations =
                configurations == null || configurations.isEmpty() ? List.of("research") : List.copyOf(configurations);
        k = k == null ? 5 : k;
        wideAgeBands =
                wideAgeBands == null || wideAgeBands.isEmpty() ? List.of(0, 18, 35, 55) : List.copyOf(wideAgeBands);
        retention = retention == null ? Duration.ofHours(24) : retention;
        resourcesPerFile = resourcesPerFile == null ? 5000 : resourcesPerFile;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(1) : cleanupInterval;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        if (k < 2) {
            throw new IllegalArgumentException("safeguard.export.k must be at least 2, not " + k);
        }
        if (resourcesPerFile < 1) {
            throw new IllegalArgumentException("safeguard.export.resources-per-file must be at least 1");
        }
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(initialBackoff, maxBackoff, maxAttempts);
    }

    public String defaultConfiguration() {
        return configurations.get(0);
    }
}
