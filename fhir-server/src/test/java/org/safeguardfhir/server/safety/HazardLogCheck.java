package org.safeguardfhir.server.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The checks of a hazard log, made on the log as SnakeYAML reads it (maps, lists and scalars) so that a broken entry is
 * reported by its id and field instead of failing to load. Each method returns the problems of one kind as sentences
 * naming the hazard; an empty list means the log passes that check.
 */
final class HazardLogCheck {

    static final String OPEN_BECAUSE = "open-because";
    static final String ACCEPTED_BECAUSE = "accepted-because";
    static final Set<String> STATUSES = Set.of("open", "mitigated", "accepted");

    private static final List<String> REQUIRED =
            List.of("id", "hazard", "cause", "effect", "initial", "controls", "residual", "status");
    private static final List<String> KNOWN = concat(REQUIRED, List.of(OPEN_BECAUSE, ACCEPTED_BECAUSE));
    private static final List<String> TEXTS =
            List.of("id", "hazard", "cause", "effect", "status", OPEN_BECAUSE, ACCEPTED_BECAUSE);
    private static final List<String> ASSESSMENTS = List.of("initial", "residual");
    private static final List<String> ASSESSMENT_FIELDS = List.of("severity", "likelihood", "risk");
    private static final List<String> CONTROL_FIELDS = List.of("description", "tests");
    private static final Pattern ID = Pattern.compile("H\\d{2,}");

    // The plan's acceptability rule: 1 and 2 are acceptable, 3 only when further reduction is impractical (a decision,
    // so the hazard is accepted with its reason), 4 and 5 never.
    private static final int HIGHEST_MITIGATED_RISK = 2;
    private static final int HIGHEST_ACCEPTED_RISK = 3;

    /** What the safety case report must repeat of each hazard. */
    record Standing(String status, int residualRisk) {

        @Override
        public String toString() {
            return status + " with residual risk " + residualRisk;
        }
    }

    private record Assessment(Severity severity, Likelihood likelihood, int risk) {

        int matrixRisk() {
            return RiskMatrix.risk(severity, likelihood);
        }
    }

    /** One hazard of the log, named by its id where it has one. */
    private record Entry(String name, Map<?, ?> fields) {

        boolean has(String field) {
            return fields.containsKey(field);
        }

        Optional<String> text(String field) {
            return fields.get(field) instanceof String text && !text.isBlank()
                    ? Optional.of(text.strip())
                    : Optional.empty();
        }

        Optional<Assessment> assessment(String field) {
            if (!(fields.get(field) instanceof Map<?, ?> assessment)) {
                return Optional.empty();
            }
            Optional<Severity> severity =
                    assessment.get("severity") instanceof String s ? Severity.fromCode(s) : Optional.empty();
            Optional<Likelihood> likelihood =
                    assessment.get("likelihood") instanceof String l ? Likelihood.fromCode(l) : Optional.empty();
            if (severity.isEmpty() || likelihood.isEmpty() || !(assessment.get("risk") instanceof Integer risk)) {
                return Optional.empty();
            }
            return Optional.of(new Assessment(severity.get(), likelihood.get(), risk));
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> shape = new ArrayList<>();
    private int size;

    private HazardLogCheck(Object document) {
        if (!(document instanceof Map<?, ?> log) || !(log.get("hazards") instanceof List<?> hazards)) {
            shape.add("the log must be a mapping whose 'hazards' is a list");
            return;
        }
        size = hazards.size();
        for (int i = 0; i < hazards.size(); i++) {
            if (hazards.get(i) instanceof Map<?, ?> fields) {
                String name =
                        fields.get("id") instanceof String id && !id.isBlank() ? id.strip() : "hazard #" + (i + 1);
                entries.add(new Entry(name, fields));
            } else {
                shape.add("hazard #" + (i + 1) + " is not a mapping of fields");
            }
        }
    }

    /** Reads a log; duplicate keys within an entry fail here, since SnakeYAML would otherwise keep the last. */
    static HazardLogCheck parse(String yaml) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new HazardLogCheck(new Yaml(new SafeConstructor(options)).load(yaml));
    }

    /** Required fields present, no unknown ones, and every value of a known kind. */
    List<String> fields() {
        List<String> problems = new ArrayList<>(shape);
        for (Entry entry : entries) {
            for (String field : REQUIRED) {
                if (!entry.has(field)) {
                    problems.add(entry.name() + " has no " + field);
                }
            }
            for (Object field : entry.fields().keySet()) {
                if (!KNOWN.contains(String.valueOf(field))) {
                    problems.add(entry.name() + " has an unknown field '" + field + "'; the fields are " + KNOWN);
                }
            }
            for (String field : TEXTS) {
                if (entry.has(field) && entry.text(field).isEmpty()) {
                    problems.add(entry.name() + ": " + field + " must be text");
                }
            }
            entry.text("id")
                    .filter(id -> !ID.matcher(id).matches())
                    .ifPresent(id -> problems.add(entry.name() + ": an id is H followed by two or more digits"));
            entry.text("status")
                    .filter(status -> !STATUSES.contains(status))
                    .ifPresent(status ->
                            problems.add(entry.name() + ": unknown status '" + status + "'; use one of " + STATUSES));
            for (String field : ASSESSMENTS) {
                if (entry.has(field)) {
                    problems.addAll(assessmentFields(entry, field));
                }
            }
            if (entry.has("controls") && !(entry.fields().get("controls") instanceof List)) {
                problems.add(entry.name() + ": controls must be a list");
            }
        }
        return problems;
    }

    /** Every risk is the matrix's value for its severity and likelihood, and controls never raise it. */
    List<String> risks() {
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            for (String field : ASSESSMENTS) {
                entry.assessment(field)
                        .filter(a -> a.risk() != a.matrixRisk())
                        .ifPresent(a -> problems.add("%s: %s risk is %d, but the DCB0129 matrix gives %d for %s and %s"
                                .formatted(
                                        entry.name(),
                                        field,
                                        a.risk(),
                                        a.matrixRisk(),
                                        a.severity().code(),
                                        a.likelihood().code())));
            }
            var initial = entry.assessment("initial");
            var residual = entry.assessment("residual");
            if (initial.isPresent()
                    && residual.isPresent()
                    && residual.get().matrixRisk() > initial.get().matrixRisk()) {
                problems.add(entry.name() + ": the residual risk is higher than the initial risk");
            }
        }
        return problems;
    }

    /** Every hazard has controls, and every control a description and tests that exist. */
    List<String> controls(TestMethods tests) {
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            if (!(entry.fields().get("controls") instanceof List<?> controls)) {
                continue;
            }
            if (controls.isEmpty()) {
                problems.add(entry.name() + " has no control");
            }
            for (int i = 0; i < controls.size(); i++) {
                problems.addAll(control(entry.name() + " controls[" + i + "]", controls.get(i), tests));
            }
        }
        return problems;
    }

    /** No id is used twice. */
    List<String> ids() {
        Map<String, Integer> uses = new LinkedHashMap<>();
        entries.forEach(entry -> entry.text("id").ifPresent(id -> uses.merge(id, 1, Integer::sum)));
        List<String> problems = new ArrayList<>();
        uses.forEach((id, count) -> {
            if (count > 1) {
                problems.add(id + " is the id of " + count + " hazards");
            }
        });
        return problems;
    }

    /** Open and accepted hazards say why, and no status claims more than its residual risk allows. */
    List<String> statuses() {
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            var status = entry.text("status").filter(STATUSES::contains);
            if (status.isEmpty()) {
                continue;
            }
            reason(entry, status.get(), "open", OPEN_BECAUSE, problems);
            reason(entry, status.get(), "accepted", ACCEPTED_BECAUSE, problems);
            var residual = entry.assessment("residual").map(Assessment::matrixRisk);
            if (status.get().equals("mitigated")
                    && residual.filter(r -> r > HIGHEST_MITIGATED_RISK).isPresent()) {
                problems.add(entry.name() + " is mitigated with residual risk " + residual.get() + ": a risk above "
                        + HIGHEST_MITIGATED_RISK + " is open, or accepted with its reason");
            }
            if (status.get().equals("accepted")
                    && residual.filter(r -> r > HIGHEST_ACCEPTED_RISK).isPresent()) {
                problems.add(entry.name() + " is accepted with residual risk " + residual.get() + ": a risk above "
                        + HIGHEST_ACCEPTED_RISK + " cannot be accepted and stays open");
            }
        }
        return problems;
    }

    /** The log holds at least this many hazards. */
    List<String> count(int minimum) {
        return size < minimum
                ? List.of("the log holds " + size + " hazards, fewer than the minimum of " + minimum)
                : List.of();
    }

    /** Status and residual risk by id, of every hazard that has them. */
    Map<String, Standing> standings() {
        Map<String, Standing> standings = new LinkedHashMap<>();
        for (Entry entry : entries) {
            var id = entry.text("id");
            var status = entry.text("status");
            var residual = entry.assessment("residual");
            if (id.isPresent() && status.isPresent() && residual.isPresent()) {
                standings.put(
                        id.get(), new Standing(status.get(), residual.get().risk()));
            }
        }
        return standings;
    }

    private static List<String> assessmentFields(Entry entry, String field) {
        String where = entry.name() + ": " + field;
        if (!(entry.fields().get(field) instanceof Map<?, ?> assessment)) {
            return List.of(where + " must hold severity, likelihood and risk");
        }
        List<String> problems = new ArrayList<>(missingAndUnknown(where, assessment, ASSESSMENT_FIELDS));
        Object severity = assessment.get("severity");
        if (severity != null
                && !(severity instanceof String s && Severity.fromCode(s).isPresent())) {
            problems.add(where + " severity '" + severity + "' is not one of " + Severity.codes());
        }
        Object likelihood = assessment.get("likelihood");
        if (likelihood != null
                && !(likelihood instanceof String l && Likelihood.fromCode(l).isPresent())) {
            problems.add(where + " likelihood '" + likelihood + "' is not one of " + Likelihood.codes());
        }
        Object risk = assessment.get("risk");
        if (risk != null && !(risk instanceof Integer)) {
            problems.add(where + " risk '" + risk + "' is not a whole number");
        }
        return problems;
    }

    private static List<String> control(String where, Object control, TestMethods tests) {
        if (!(control instanceof Map<?, ?> fields)) {
            return List.of(where + " must hold a description and tests");
        }
        List<String> problems = new ArrayList<>(missingAndUnknown(where, fields, CONTROL_FIELDS));
        if (fields.containsKey("description")
                && !(fields.get("description") instanceof String description && !description.isBlank())) {
            problems.add(where + ": the description must be text");
        }
        if (!(fields.get("tests") instanceof List<?> references) || references.isEmpty()) {
            problems.add(where + " names no test: every control must name the tests that prove it");
            return problems;
        }
        for (int i = 0; i < references.size(); i++) {
            Object reference = references.get(i);
            String at = where + ".tests[" + i + "] " + reference;
            var parsed = reference instanceof String text ? TestReference.parse(text) : Optional.<TestReference>empty();
            if (parsed.isEmpty()) {
                problems.add(at + " is not of the form module:fully.qualified.ClassName#methodName");
            } else {
                tests.problem(parsed.get()).ifPresent(problem -> problems.add(at + ": " + problem));
            }
        }
        return problems;
    }

    private static List<String> missingAndUnknown(String where, Map<?, ?> fields, List<String> known) {
        List<String> problems = new ArrayList<>();
        for (String field : known) {
            if (!fields.containsKey(field)) {
                problems.add(where + " has no " + field);
            }
        }
        for (Object field : fields.keySet()) {
            if (!known.contains(String.valueOf(field))) {
                problems.add(where + " has an unknown field '" + field + "'");
            }
        }
        return problems;
    }

    private static void reason(Entry entry, String status, String needing, String field, List<String> problems) {
        boolean says = entry.text(field).isPresent();
        if (status.equals(needing) && !says) {
            problems.add(entry.name() + " is " + status + " but does not say why (" + field + ")");
        } else if (!status.equals(needing) && entry.has(field)) {
            problems.add(entry.name() + " has " + field + " but is " + status);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
