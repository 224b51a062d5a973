package org.safeguardfhir.server.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The Bulk Data manifest of a completed export: its files, by URL on this server, and in {@code extension} what
 * de-identification and k-anonymity did (the summary the export stored with the job).
 */
final class ExportManifest {

    static final String EXTENSION = Canonicals.BASE + "/export-deidentification";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportManifest() {}

    /** @param fileUrl the URL that serves a file of the job, by its number */
    static String of(ExportJob job, List<ExportJob.File> files, IntFunction<String> fileUrl) {
        var output = new ArrayList<Map<String, Object>>();
        for (var file : files) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("type", file.resourceType());
            entry.put("url", fileUrl.apply(file.number()));
            entry.put("count", file.count());
            output.add(entry);
        }
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("transactionTime", DateTimeFormatter.ISO_INSTANT.format(job.transactionTime()));
        manifest.put("request", job.requestUrl());
        manifest.put("requiresAccessToken", true);
        manifest.put("output", output);
        manifest.put("error", List.of());
        manifest.put("extension", Map.of(EXTENSION, read(job.summary())));
        return write(manifest);
    }

    static String write(Map<String, Object> json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<?, ?> read(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
