package org.safeguardfhir.server.safety;

/**
 * The DCB0129 clinical risk matrix: a lookup from severity and likelihood to a risk of 1 to 5, not their product. The
 * clinical risk management plan prints the same table.
 */
final class RiskMatrix {

    /** Rows by likelihood (very low first), columns by severity (minor first). */
    private static final int[][] RISK = {
        {1, 1, 2, 2, 3},
        {1, 2, 2, 3, 4},
        {2, 2, 3, 3, 4},
        {2, 3, 3, 4, 5},
        {3, 4, 4, 5, 5},
    };

    private RiskMatrix() {}

    static int risk(Severity severity, Likelihood likelihood) {
        return RISK[likelihood.ordinal()][severity.ordinal()];
    }
}
