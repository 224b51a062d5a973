package org.safeguardfhir.server.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safeguardfhir.server.safety.HazardLogCheck.Standing;

/**
 * The safety case report as the hazard log's test reads it: its table of hazards (the first table with the columns
 * Id, Residual risk and Status) and the sections that explain them. The report is prose for people; only these parts
 * must agree with the log.
 */
final class SafetyCaseReport {

    static final String OPEN_HAZARDS = "Open hazards";
    static final String ACCEPTED_RISKS = "Accepted risks";

    private static final String ID = "id";
    private static final String RESIDUAL_RISK = "residual risk";
    private static final String STATUS = "status";

    private static final Pattern HAZARD_ID = Pattern.compile("H\\d{2,}");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");
    private static final Pattern SEPARATOR = Pattern.compile(":?-+:?");

    private final List<String> lines;

    private SafetyCaseReport(String markdown) {
        this.lines = markdown.lines().toList();
    }

    static SafetyCaseReport of(String markdown) {
        return new SafetyCaseReport(markdown);
    }

    /** Where the report's table says something other than the log, or lists a hazard twice or one the log lacks. */
    List<String> differencesFrom(Map<String, Standing> log) {
        var table = table();
        if (table.isEmpty()) {
            return List.of("the report has no table with the columns Id, Residual risk and Status");
        }
        Map<String, List<Optional<Standing>>> rows = table.get();
        List<String> differences = new ArrayList<>();
        log.forEach((id, standing) -> {
            var listed = rows.get(id);
            if (listed == null) {
                differences.add(id + " is missing from the report's table");
            } else if (listed.size() > 1) {
                differences.add(id + " is listed " + listed.size() + " times in the report's table");
            } else if (!listed.get(0).equals(Optional.of(standing))) {
                differences.add(id + ": the report says "
                        + listed.get(0).map(Standing::toString).orElse("no status and residual risk")
                        + ", the log " + standing);
            }
        });
        rows.keySet().stream()
                .filter(id -> !log.containsKey(id))
                .forEach(id -> differences.add("the report lists " + id + ", which is not in the log"));
        return differences;
    }

    /** Those of the ids that the section under this heading does not mention. */
    List<String> unexplained(String heading, Collection<String> ids) {
        String section = section(heading);
        return ids.stream()
                .filter(id ->
                        !Pattern.compile("\\b" + id + "\\b").matcher(section).find())
                .toList();
    }

    /** Rows by hazard id; a row whose status or residual risk cannot be read is kept, empty. */
    private Optional<Map<String, List<Optional<Standing>>>> table() {
        for (int i = 0; i < lines.size(); i++) {
            List<String> header = cells(lines.get(i));
            int id = header.indexOf(ID);
            int risk = header.indexOf(RESIDUAL_RISK);
            int status = header.indexOf(STATUS);
            if (id < 0 || risk < 0 || status < 0) {
                continue;
            }
            Map<String, List<Optional<Standing>>> rows = new LinkedHashMap<>();
            for (int r = i + 1; r < lines.size() && lines.get(r).strip().startsWith("|"); r++) {
                List<String> row = cells(lines.get(r));
                if (row.size() <= Math.max(id, Math.max(risk, status))
                        || !HAZARD_ID.matcher(row.get(id)).matches()) {
                    continue;
                }
                rows.computeIfAbsent(row.get(id), key -> new ArrayList<>())
                        .add(standing(row.get(status), row.get(risk)));
            }
            return Optional.of(rows);
        }
        return Optional.empty();
    }

    private static Optional<Standing> standing(String status, String risk) {
        var number = LEADING_NUMBER.matcher(risk);
        return number.find() && !status.isEmpty()
                ? Optional.of(new Standing(status, Integer.parseInt(number.group(1))))
                : Optional.empty();
    }

    /** The cells of a table line, without emphasis and in lower case; a separator line has none. */
    private static List<String> cells(String line) {
        String row = line.strip();
        if (!row.startsWith("|")) {
            return List.of();
        }
        row = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = Arrays.stream(row.split("\\|", -1))
                .map(cell -> cell.replace("*", "").replace("`", "").strip())
                .toList();
        if (cells.stream().allMatch(cell -> SEPARATOR.matcher(cell).matches())) {
            return List.of();
        }
        return cells.stream()
                .map(cell -> HAZARD_ID.matcher(cell).matches() ? cell : cell.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The text under a heading of this title, down to the next heading of the same or a higher level. */
    private String section(String heading) {
        StringBuilder text = new StringBuilder();
        int level = 0;
        for (String line : lines) {
            int depth = headingLevel(line);
            if (level == 0) {
                if (depth > 0 && line.substring(depth).strip().equalsIgnoreCase(heading)) {
                    level = depth;
                }
            } else if (depth > 0 && depth <= level) {
                break;
            } else {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    private static int headingLevel(String line) {
        int depth = 0;
        while (depth < line.length() && line.charAt(depth) == '#') {
            depth++;
        }
        return depth > 0 && depth < line.length() && line.charAt(depth) == ' ' ? depth : 0;
    }
}
