package org.safeguardfhir.server.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts of one measure in a table of up to two dimensions, with the totals a reader can add up, protected for
 * publication: primary suppression of each count ({@link PublishedCount}), then secondary suppression until no line
 * (a row or a column with its total) has exactly one suppressed entry, which the others and the total would reveal.
 *
 * <p>A total is published only along an additive dimension, one whose categories do not overlap: a screening falls in
 * one month, but may lead to referrals on several pathways. Along a dimension that is not additive there is no total
 * to subtract from, and no line to protect.
 */
public final class CountTable {

    private final PublishedCount[][] cells;
    private final PublishedCount[] rowTotals;
    private final PublishedCount[] columnTotals;
    private PublishedCount grandTotal;

    private CountTable(
            PublishedCount[][] cells,
            PublishedCount[] rowTotals,
            PublishedCount[] columnTotals,
            PublishedCount grandTotal) {
        this.cells = cells;
        this.rowTotals = rowTotals;
        this.columnTotals = columnTotals;
        this.grandTotal = grandTotal;
    }

    /**
     * Protects {@code raw[row][column]}. Row totals are published when the columns are additive, column totals when
     * the rows are, and the grand total (given, since overlapping categories do not add up to it) always.
     */
    public static CountTable protect(long[][] raw, boolean rowsAdditive, boolean columnsAdditive, long grandTotal) {
        int rows = raw.length;
        int columns = rows == 0 ? 0 : raw[0].length;
        var cells = new PublishedCount[rows][columns];
        var rowTotals = columnsAdditive ? new PublishedCount[rows] : null;
        var columnTotals = rowsAdditive ? new PublishedCount[columns] : null;
        for (int r = 0; r < rows; r++) {
            long sum = 0;
            for (int c = 0; c < columns; c++) {
                cells[r][c] = PublishedCount.of(raw[r][c]);
                sum += raw[r][c];
            }
            if (rowTotals != null) {
                rowTotals[r] = PublishedCount.of(sum);
            }
        }
        for (int c = 0; c < columns && columnTotals != null; c++) {
            long sum = 0;
            for (long[] row : raw) {
                sum += row[c];
            }
            columnTotals[c] = PublishedCount.of(sum);
        }
        var table = new CountTable(cells, rowTotals, columnTotals, PublishedCount.of(grandTotal));
        table.suppressSecondary(rowsAdditive, columnsAdditive);
        return table;
    }

    public PublishedCount cell(int row, int column) {
        return cells[row][column];
    }

    /** Empty when the columns do not add up. */
    public Optional<PublishedCount> rowTotal(int row) {
        return rowTotals == null ? Optional.empty() : Optional.of(rowTotals[row]);
    }

    /** Empty when the rows do not add up. */
    public Optional<PublishedCount> columnTotal(int column) {
        return columnTotals == null ? Optional.empty() : Optional.of(columnTotals[column]);
    }

    public PublishedCount grandTotal() {
        return grandTotal;
    }

    /** Every line whose entries must not reveal one another: its parts, then its total. */
    List<List<Slot>> lines(boolean rowsAdditive, boolean columnsAdditive) {
        var lines = new ArrayList<List<Slot>>();
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        if (columnsAdditive) {
            for (int r = 0; r < rows; r++) {
                var line = new ArrayList<Slot>();
                for (int c = 0; c < columns; c++) {
                    line.add(new Slot(r, c));
                }
                line.add(new Slot(r, Slot.TOTAL));
                lines.add(line);
            }
        }
        if (rowsAdditive) {
            for (int c = 0; c < columns; c++) {
                var line = new ArrayList<Slot>();
                for (int r = 0; r < rows; r++) {
                    line.add(new Slot(r, c));
                }
                line.add(new Slot(Slot.TOTAL, c));
                lines.add(line);
            }
        }
        if (rowsAdditive && columnsAdditive) {
            // The row totals add up to the grand total, as do the column totals.
            var byRows = new ArrayList<Slot>();
            for (int r = 0; r < rows; r++) {
                byRows.add(new Slot(r, Slot.TOTAL));
            }
            byRows.add(new Slot(Slot.TOTAL, Slot.TOTAL));
            lines.add(byRows);
            var byColumns = new ArrayList<Slot>();
            for (int c = 0; c < columns; c++) {
                byColumns.add(new Slot(Slot.TOTAL, c));
            }
            byColumns.add(new Slot(Slot.TOTAL, Slot.TOTAL));
            lines.add(byColumns);
        } else {
            // A single row's total is the grand total, and so is a single column's: equal entries stand or fall
            // together.
            if (columnsAdditive && rows == 1) {
                lines.add(List.of(new Slot(0, Slot.TOTAL), new Slot(Slot.TOTAL, Slot.TOTAL)));
            }
            if (rowsAdditive && columns == 1) {
                lines.add(List.of(new Slot(Slot.TOTAL, 0), new Slot(Slot.TOTAL, Slot.TOTAL)));
            }
        }
        return lines;
    }

    /** Suppresses further entries until no line has exactly one suppressed entry; suppressions only grow, so it ends. */
    private void suppressSecondary(boolean rowsAdditive, boolean columnsAdditive) {
        var lines = lines(rowsAdditive, columnsAdditive);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var line : lines) {
                long suppressed =
                        line.stream().filter(slot -> get(slot).suppressed()).count();
                if (suppressed == 1) {
                    set(partner(line), get(partner(line)).suppressAsSecondary());
                    changed = true;
                }
            }
        }
    }

    /** The entry to suppress beside a lone one: the smallest shown non-zero part, else the line's total. */
    private Slot partner(List<Slot> line) {
        Slot best = null;
        for (var slot : line.subList(0, line.size() - 1)) {
            var count = get(slot);
            if (!count.suppressed()
                    && count.raw() > 0
                    && (best == null || count.raw() < get(best).raw())) {
                best = slot;
            }
        }
        return best != null ? best : line.get(line.size() - 1);
    }

    private PublishedCount get(Slot slot) {
        if (slot.row() == Slot.TOTAL && slot.column() == Slot.TOTAL) {
            return grandTotal;
        }
        if (slot.column() == Slot.TOTAL) {
            return rowTotals[slot.row()];
        }
        if (slot.row() == Slot.TOTAL) {
            return columnTotals[slot.column()];
        }
        return cells[slot.row()][slot.column()];
    }

    private void set(Slot slot, PublishedCount count) {
        if (slot.row() == Slot.TOTAL && slot.column() == Slot.TOTAL) {
            grandTotal = count;
        } else if (slot.column() == Slot.TOTAL) {
            rowTotals[slot.row()] = count;
        } else if (slot.row() == Slot.TOTAL) {
            columnTotals[slot.column()] = count;
        } else {
            cells[slot.row()][slot.column()] = count;
        }
    }

    /** A position in the table; {@link #TOTAL} in a coordinate means the total along it. */
    record Slot(int row, int column) {
        static final int TOTAL = -1;
    }
}
