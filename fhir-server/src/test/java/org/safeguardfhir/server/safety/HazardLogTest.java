package org.safeguardfhir.server.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hazard log (docs/clinical-safety/hazard-log.yaml) is evidence only while every control names a test that
 * exists, every risk follows the DCB0129 matrix and the safety case report says what the log says. This test keeps
 * them so; HazardLogCheckTest, TestSourcesTest and SafetyCaseReportTest prove that each check can fail.
 */
class HazardLogTest {

    /** The number of hazards written so far: raise it with every hazard added, so that none can be lost unnoticed. */
    static final int MINIMUM_HAZARDS = 25;

    static final Path DIRECTORY = Path.of("docs", "clinical-safety");

    static Path root;
    static HazardLogCheck log;
    static SafetyCaseReport report;

    @BeforeAll
    static void read() throws IOException {
        root = RepositoryRoot.find();
        log = HazardLogCheck.parse(Files.readString(root.resolve(DIRECTORY).resolve("hazard-log.yaml")));
        report = SafetyCaseReport.of(Files.readString(root.resolve(DIRECTORY).resolve("safety-case-report.md")));
    }

    @Test
    void everyHazardHasTheRequiredFieldsAndOnlyKnownValues() {
        assertThat(log.fields()).isEmpty();
    }

    @Test
    void everyRiskIsTheMatrixValueOfItsSeverityAndLikelihood() {
        assertThat(log.risks()).isEmpty();
    }

    @Test
    void everyControlNamesATestThatExists() {
        assertThat(log.controls(new TestSources(root))).isEmpty();
    }

    @Test
    void noTwoHazardsShareAnId() {
        assertThat(log.ids()).isEmpty();
    }

    @Test
    void everyOpenOrAcceptedHazardSaysWhyAndNoStatusClaimsMoreThanItsResidualRisk() {
        assertThat(log.statuses()).isEmpty();
    }

    @Test
    void theLogHoldsAtLeastTheHazardsWrittenSoFar() {
        assertThat(log.count(MINIMUM_HAZARDS)).isEmpty();
    }

    @Test
    void theSafetyCaseReportListsEveryHazardWithItsStatusAndResidualRisk() {
        assertThat(report.differencesFrom(log.standings())).isEmpty();
    }

    @Test
    void theSafetyCaseReportExplainsEveryOpenAndEveryAcceptedHazard() {
        assertThat(report.unexplained(SafetyCaseReport.OPEN_HAZARDS, idsWithStatus("open")))
                .as("open hazards not explained under \"%s\"", SafetyCaseReport.OPEN_HAZARDS)
                .isEmpty();
        assertThat(report.unexplained(SafetyCaseReport.ACCEPTED_RISKS, idsWithStatus("accepted")))
                .as("accepted hazards not explained under \"%s\"", SafetyCaseReport.ACCEPTED_RISKS)
                .isEmpty();
    }

    private static List<String> idsWithStatus(String status) {
        return log.standings().entrySet().stream()
                .filter(entry -> entry.getValue().status().equals(status))
                .map(Map.Entry::getKey)
                .toList();
    }
}
