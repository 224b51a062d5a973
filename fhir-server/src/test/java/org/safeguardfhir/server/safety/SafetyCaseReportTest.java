package org.safeguardfhir.server.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.safety.HazardLogCheck.Standing;

/** The report's table must say what the log says of every hazard, and its sections must explain the open ones. */
class SafetyCaseReportTest {

    static final Map<String, Standing> LOG = new LinkedHashMap<>();

    static {
        LOG.put("H01", new Standing("mitigated", 2));
        LOG.put("H02", new Standing("open", 3));
    }

    static final String REPORT =
            """
            # Safety case report

            | Id | Hazard | Residual risk | Status |
            |---|---|:-:|---|
            | H01 | The hazard | 2 (major, very low) | mitigated |
            | **H02** | Another hazard | 3 | **open** |

            ## Open hazards

            - **H02**: nothing proves the rest yet.

            ## Accepted risks

            None.
            """;

    @Test
    void aReportThatAgreesWithTheLogHasNoDifference() {
        var report = SafetyCaseReport.of(REPORT);

        assertThat(report.differencesFrom(LOG)).isEmpty();
        assertThat(report.unexplained(SafetyCaseReport.OPEN_HAZARDS, List.of("H02")))
                .isEmpty();
    }

    @Test
    void aHazardMissingFromTheTableIsReported() {
        var report =
                SafetyCaseReport.of(REPORT.replace("| H01 | The hazard | 2 (major, very low) | mitigated |\n", ""));

        assertThat(report.differencesFrom(LOG)).containsExactly("H01 is missing from the report's table");
    }

    @Test
    void aStatusOrResidualRiskOtherThanTheLogsIsReported() {
        var report = SafetyCaseReport.of(REPORT.replace("| 3 | **open** |", "| 2 | mitigated |"));

        assertThat(report.differencesFrom(LOG))
                .containsExactly(
                        "H02: the report says mitigated with residual risk 2, the log open with residual risk 3");
    }

    @Test
    void aHazardListedTwiceOrNotInTheLogIsReported() {
        var report = SafetyCaseReport.of(REPORT.replace(
                "| **H02** |",
                "| H01 | The hazard again | 2 | mitigated |\n| H03 | Unknown | 1 | mitigated |\n| H02 |"));

        assertThat(report.differencesFrom(LOG))
                .containsExactly(
                        "H01 is listed 2 times in the report's table", "the report lists H03, which is not in the log");
    }

    @Test
    void aReportWithoutTheTableIsReported() {
        var report = SafetyCaseReport.of(REPORT.replace("| Residual risk |", "| Risk |"));

        assertThat(report.differencesFrom(LOG))
                .containsExactly("the report has no table with the columns Id, Residual risk and Status");
    }

    @Test
    void anOpenHazardTheOpenSectionDoesNotMentionIsReported() {
        var report = SafetyCaseReport.of(REPORT.replace("- **H02**: nothing proves the rest yet.", "None."));

        assertThat(report.unexplained(SafetyCaseReport.OPEN_HAZARDS, List.of("H02")))
                .containsExactly("H02");
        assertThat(report.unexplained(SafetyCaseReport.ACCEPTED_RISKS, List.of("H01")))
                .as("the table's mention does not count")
                .containsExactly("H01");
    }
}
