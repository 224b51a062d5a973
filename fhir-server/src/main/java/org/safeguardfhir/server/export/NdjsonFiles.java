package org.safeguardfhir.server.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Collects an export's resources into NDJSON files of one resource type each, at most {@code perFile} lines long,
 * and stores each file as it fills, so only one file per type is held in memory.
 */
final class NdjsonFiles {

    private final ExportJobs jobs;
    private final UUID job;
    private final int perFile;
    private final Map<String, StringBuilder> open = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int files;

    NdjsonFiles(ExportJobs jobs, UUID job, int perFile) {
        this.jobs = jobs;
        this.job = job;
        this.perFile = perFile;
    }

    /** @param json one resource, encoded on one line */
    void add(String resourceType, String json) {
        open.computeIfAbsent(resourceType, t -> new StringBuilder())
                .append(json)
                .append('\n');
        lines.merge(resourceType, 1, Integer::sum);
        counts.merge(resourceType, 1, Integer::sum);
        if (lines.get(resourceType) >= perFile) {
            store(resourceType);
        }
    }

    /** Stores what is left of every type. */
    void finish() {
        for (String type : open.keySet().toArray(String[]::new)) {
            store(type);
        }
    }

    /** Resources written, by type. */
    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    private void store(String resourceType) {
        StringBuilder content = open.remove(resourceType);
        Integer count = lines.remove(resourceType);
        if (content != null && count != null && count > 0) {
            jobs.addFile(job, ++files, resourceType, count, content.toString());
        }
    }
}
