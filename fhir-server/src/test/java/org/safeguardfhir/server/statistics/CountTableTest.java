package org.safeguardfhir.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CountTableTest {

    @Test
    void zeroStaysZeroOneToSevenAreSuppressedAndTheRestRoundToTheNearestFive() {
        assertThat(PublishedCount.of(0).value()).hasValue(0);
        for (long small = 1; small <= 7; small++) {
            assertThat(PublishedCount.of(small).suppressed()).as("%d", small).isTrue();
            assertThat(PublishedCount.of(small).value()).isEmpty();
        }
        assertThat(PublishedCount.of(8).value()).hasValue(10);
        assertThat(PublishedCount.of(12).value()).hasValue(10);
        assertThat(PublishedCount.of(13).value()).hasValue(15);
        assertThat(PublishedCount.of(22).value()).hasValue(20);
        assertThat(PublishedCount.of(1234).value()).hasValue(1235);
    }

    @Test
    void aLoneSmallCountIsProtectedBySuppressingTheSmallestOtherCountOfItsLine() {
        var table = CountTable.protect(new long[][] {{3, 40, 12, 0}}, false, true, 55);

        assertThat(table.cell(0, 0).suppressed()).isTrue();
        assertThat(table.cell(0, 2).suppressed()).as("the smallest shown count").isTrue();
        assertThat(table.cell(0, 2).secondary()).isTrue();
        assertThat(table.cell(0, 1).value()).hasValue(40);
        assertThat(table.cell(0, 3).value()).as("zeros reveal nothing and stay").hasValue(0);
        assertThat(table.grandTotal().value()).hasValue(55);
        assertThat(table.rowTotal(0).orElseThrow().value()).hasValue(55);
    }

    @Test
    void overlappingCategoriesHaveNoTotalToProtectAgainst() {
        // Referrals by pathway: one screening may lead to several, so the pathways do not add up to the screenings.
        var table = CountTable.protect(new long[][] {{3, 12}}, false, false, 14);

        assertThat(table.cell(0, 0).suppressed()).isTrue();
        assertThat(table.cell(0, 1).value()).hasValue(10);
        assertThat(table.rowTotal(0)).isEmpty();
        assertThat(table.grandTotal().value()).hasValue(15);
    }

    @Test
    void aSecondarySuppressionInARowIsItselfProtectedInItsColumn() {
        long[][] raw = {
            {2, 30, 40},
            {20, 25, 35},
            {50, 60, 70},
        };
        var table = CountTable.protect(raw, true, true, sum(raw));

        assertThat(table.cell(0, 0).suppressed()).isTrue();
        assertThat(table.cell(0, 1).suppressed()).as("smallest shown in row 0").isTrue();
        assertThat(table.cell(1, 0).suppressed())
                .as("column 0 would reveal (0,0)")
                .isTrue();
        assertNoLineRevealsASuppressedEntry(table, raw.length, raw[0].length, true, true);
    }

    @Test
    void noLineOfARandomTableEverHasExactlyOneSuppressedEntry() {
        var random = new Random(7);
        for (int i = 0; i < 500; i++) {
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(6);
            var raw = new long[rows][columns];
            for (var row : raw) {
                for (int c = 0; c < columns; c++) {
                    row[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
                }
            }
            boolean rowsAdditive = random.nextBoolean();
            boolean columnsAdditive = random.nextBoolean();
            var table = CountTable.protect(raw, rowsAdditive, columnsAdditive, sum(raw));

            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (raw[r][c] > 0 && raw[r][c] < 8) {
                        assertThat(table.cell(r, c).suppressed()).isTrue();
                    }
                    table.cell(r, c).value().ifPresent(v -> assertThat(v == 0 || v >= 10)
                            .isTrue());
                }
            }
            assertNoLineRevealsASuppressedEntry(table, rows, columns, rowsAdditive, columnsAdditive);
        }
    }

    private static void assertNoLineRevealsASuppressedEntry(
            CountTable table, int rows, int columns, boolean rowsAdditive, boolean columnsAdditive) {
        for (var line : table.lines(rowsAdditive, columnsAdditive)) {
            long suppressed = line.stream()
                    .filter(slot -> entry(table, slot).suppressed())
                    .count();
            assertThat(suppressed).as("suppressed entries of %s", line).isNotEqualTo(1);
        }
        if (columnsAdditive) {
            for (int r = 0; r < rows; r++) {
                assertThat(table.rowTotal(r)).isPresent();
            }
        }
        if (rowsAdditive) {
            for (int c = 0; c < columns; c++) {
                assertThat(table.columnTotal(c)).isPresent();
            }
        }
    }

    private static PublishedCount entry(CountTable table, CountTable.Slot slot) {
        if (slot.row() == CountTable.Slot.TOTAL && slot.column() == CountTable.Slot.TOTAL) {
            return table.grandTotal();
        }
        if (slot.column() == CountTable.Slot.TOTAL) {
            return table.rowTotal(slot.row()).orElseThrow();
        }
        if (slot.row() == CountTable.Slot.TOTAL) {
            return table.columnTotal(slot.column()).orElseThrow();
        }
        return table.cell(slot.row(), slot.column());
    }

    private static long sum(long[][] raw) {
        long sum = 0;
        for (var row : raw) {
            for (long v : row) {
                sum += v;
            }
        }
        return sum;
    }
}
