package org.safeguardfhir.server.export;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param configurations the de-identification configurations an export may name; the first is the default
 * @param k the smallest group of patients sharing age band, sex, region and nationality that an export shows
 * @param wideAgeBands lower bounds of the wider age bands used when a patient's band is too rare
 * @param retention how long a finished export's files are kept
 * @param resourcesPerFile resources in one NDJSON file at most
 * @param pollInterval how often the worker looks for queued exports besides being woken
 * @param lease how long a started export is left to its instance before another may take it over
 * @param maxAttempts attempts after which an export that keeps failing is marked failed
 */
@ConfigurationProperties("safeguard.export")
public record ExportProperties(
        List<String> configurations,
        Integer k,
        List<Integer> wideAgeBands,
        Duration retention,
        Integer resourcesPerFile,
        Duration pollInterval,
        Duration lease,
        Integer maxAttempts) {

    public ExportProperties {
        configurations =
                configurations == null || configurations.isEmpty() ? List.of("research") : List.copyOf(configurations);
        k = k == null ? 5 : k;
        wideAgeBands =
                wideAgeBands == null || wideAgeBands.isEmpty() ? List.of(0, 18, 35, 55) : List.copyOf(wideAgeBands);
        retention = retention == null ? Duration.ofHours(24) : retention;
        resourcesPerFile = resourcesPerFile == null ? 5000 : resourcesPerFile;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(30) : lease;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        if (k < 2) {
            throw new IllegalArgumentException("safeguard.export.k must be at least 2, not " + k);
        }
        if (resourcesPerFile < 1) {
            throw new IllegalArgumentException("safeguard.export.resources-per-file must be at least 1");
        }
    }

    public String defaultConfiguration() {
        return configurations.get(0);
    }
}
