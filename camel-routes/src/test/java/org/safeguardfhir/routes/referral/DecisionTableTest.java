package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.routes.screening.AgeFinding;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ConsentAnswers;
import org.safeguardfhir.routes.screening.ScreeningFinding;
import org.safeguardfhir.routes.screening.ScreeningOutcome;

/**
 * The decision tables of docs/pipeline.md are the rules as a reader sees them; this test runs every row through the
 * planner and fails when the code and the tables disagree, in either direction.
 */
class DecisionTableTest {

    private static final Pattern TASK =
            Pattern.compile("`([a-z-]+)`(?: ([a-z-]+)/([a-z-]+))?(?: \\[([a-z-]+(?:, [a-z-]+)*)])?");
    private static final Map<String, Boolean> EVERY_PATHWAY = Map.of(
            "nrm-first-responder", true,
            "modern-slavery-helpline", true,
            "salvation-army-referral-helpline", true,
            "rosa", true,
            "police-no", true);

    private static final Path DOCUMENT = Path.of("docs", "pipeline.md");

    private final ReferralPlanner planner = new ReferralPlanner();

    /** One row of the table: the screen it describes and the Tasks it says are planned. */
    record Row(
            String id,
            Jurisdiction jurisdiction,
            AgeFinding age,
            ScreeningOutcome outcome,
            Set<ScreeningFinding> findings,
            String wish,
            Optional<Boolean> dutyToNotify,
            List<PlannedReferral> tasks) {

        @Override
        public String toString() {
            return id;
        }
    }

    static List<Row> rows() {
        return tables().stream().map(DecisionTableTest::row).toList();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void plansWhatTheDecisionTableRowSays(Row row) {
        ConsentAnswers consent = consent(row.wish(), row.dutyToNotify());
        var assessment = ReferralPlannerTest.assessment(
                row.outcome(), row.age(), consent, row.findings().toArray(ScreeningFinding[]::new));

        assertThat(planner.plan(assessment, row.jurisdiction(), ConsentState.of(consent, List.of()))
                        .referrals())
                .as(row.id())
                .containsExactlyElementsOf(row.tasks());
    }

    @Test
    void theTableShowsEveryPathwayAndEveryStateTheRulesCanPlan() {
        List<Row> rows = rows();
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            assertThat(rows.stream()
                            .filter(row -> row.jurisdiction() == jurisdiction)
                            .flatMap(row -> row.tasks().stream())
                            .map(PlannedReferral::pathway)
                            .collect(Collectors.toSet()))
                    .as("pathways shown for %s", jurisdiction)
                    .containsAll(ReferralPlanner.plannable(jurisdiction));
        }
        assertThat(rows.stream().flatMap(row -> row.tasks().stream()).map(PlannedReferral::businessStatus))
                .contains(
                        PlannedReferral.AWAITING_REVIEW,
                        PlannedReferral.WILLING_TO_BE_REFERRED,
                        PlannedReferral.AWAITING_CONSENT,
                        PlannedReferral.CONSENT_NOT_OBTAINED_SAFELY,
                        PlannedReferral.DECLINED_BY_PATIENT);
        assertThat(rows.stream().flatMap(row -> row.tasks().stream()).flatMap(task -> task.reasons().stream()))
                .contains(LeadReviewReason.values());
        assertThat(rows).extracting(Row::id).doesNotHaveDuplicates();
    }

    private static ConsentAnswers consent(String wish, Optional<Boolean> dutyToNotify) {
        return switch (wish) {
            case "yes" -> new ConsentAnswers(EVERY_PATHWAY, true, dutyToNotify);
            case "no" ->
                new ConsentAnswers(
                        EVERY_PATHWAY.keySet().stream().collect(Collectors.toMap(k -> k, k -> false)),
                        true,
                        dutyToNotify);
            case "yes, not safely" -> new ConsentAnswers(EVERY_PATHWAY, false, dutyToNotify);
            case "not asked" -> new ConsentAnswers(Map.of(), true, dutyToNotify);
            default -> throw new IllegalArgumentException("unknown answer: " + wish);
        };
    }

    /** A row's cells: id, jurisdiction (from the table's heading), age, outcome, finding, answer, DtN, priority, Tasks. */
    private static Row row(List<String> cells) {
        String id = cells.get(0);
        ReferralPriority priority = cells.get(7).equals("–") ? ReferralPriority.ROUTINE : priority(cells.get(7));
        return new Row(
                id,
                switch (cells.get(1)) {
                    case "England and Wales" -> Jurisdiction.ENGLAND_AND_WALES;
                    case "Norway" -> Jurisdiction.NORWAY;
                    default -> throw new IllegalArgumentException(id + ": jurisdiction " + cells.get(1));
                },
                switch (cells.get(2)) {
                    case "adult" -> new AgeFinding(AgeGroup.ADULT, true);
                    case "age unknown" -> new AgeFinding(AgeGroup.ADULT, false);
                    case "child" -> new AgeFinding(AgeGroup.CHILD, true);
                    default -> throw new IllegalArgumentException(id + ": age " + cells.get(2));
                },
                ScreeningOutcome.fromCode(cells.get(3))
                        .orElseThrow(() -> new IllegalArgumentException(id + ": outcome " + cells.get(3))),
                switch (cells.get(4)) {
                    case "–" -> Set.of();
                    case "a sign" -> Set.of(ScreeningFinding.CONCERN_RAISED);
                    case "danger not sure" -> Set.of(ScreeningFinding.DANGER_UNCERTAIN);
                    default -> throw new IllegalArgumentException(id + ": finding " + cells.get(4));
                },
                cells.get(5),
                switch (cells.get(6)) {
                    case "–" -> Optional.empty();
                    case "yes" -> Optional.of(true);
                    case "no" -> Optional.of(false);
                    default -> throw new IllegalArgumentException(id + ": Duty to Notify " + cells.get(6));
                },
                tasks(id, cells.get(8), priority));
    }

    private static List<PlannedReferral> tasks(String id, String cell, ReferralPriority priority) {
        if (cell.equals("none")) {
            return List.of();
        }
        List<PlannedReferral> tasks = new ArrayList<>();
        for (String task : cell.split("; ")) {
            Matcher matcher = TASK.matcher(task.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(id + ": cannot read the Task " + task);
            }
            var pathway = ReferralPathway.fromCode(matcher.group(1))
                    .orElseThrow(() -> new IllegalArgumentException(id + ": no pathway " + matcher.group(1)));
            Set<LeadReviewReason> reasons = matcher.group(4) == null
                    ? Set.of()
                    : Arrays.stream(matcher.group(4).split(", "))
                            .map(code -> Arrays.stream(LeadReviewReason.values())
                                    .filter(reason -> reason.code().equals(code))
                                    .findFirst()
                                    .orElseThrow(() -> new IllegalArgumentException(id + ": no reason " + code)))
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(LeadReviewReason.class)));
            tasks.add(new PlannedReferral(
                    pathway,
                    matcher.group(2) == null ? PlannedReferral.REQUESTED : matcher.group(2),
                    matcher.group(3) == null ? PlannedReferral.AWAITING_REVIEW : matcher.group(3),
                    priority,
                    reasons));
        }
        return tasks;
    }

    private static ReferralPriority priority(String code) {
        return Arrays.stream(ReferralPriority.values())
                .filter(priority -> priority.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("priority " + code));
    }

    /**
     * The rows of every table in docs/pipeline.md whose header starts with "| Row |", cell by cell, with the
     * jurisdiction of the heading above the table put second. A line whose first cell is empty lists one more Task of
     * the row above it.
     */
    private static List<List<String>> tables() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException(
                    "no repository root above " + Path.of("").toAbsolutePath());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(DOCUMENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> rows = new ArrayList<>();
        String heading = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
            } else if (line.startsWith("| Row |")) {
                rows.addAll(table(lines, i + 2, heading));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(DOCUMENT + " has no decision table");
        }
        return rows;
    }

    private static List<List<String>> table(List<String> lines, int first, String jurisdiction) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(first, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::trim)
                    .toList();
            if (cells.size() != 8) {
                throw new IllegalArgumentException("not a row of eight cells: " + line);
            }
            if (!cells.get(0).isEmpty()) {
                List<String> row = new ArrayList<>(cells);
                row.add(1, jurisdiction);
                rows.add(row);
            } else if (rows.isEmpty() || cells.subList(0, 7).stream().anyMatch(cell -> !cell.isEmpty())) {
                throw new IllegalArgumentException("a Task line must follow a row and hold only a Task: " + line);
            } else {
                List<String> row = rows.get(rows.size() - 1);
                row.set(8, row.get(8) + "; " + cells.get(7));
            }
        }
        return rows;
    }
}
