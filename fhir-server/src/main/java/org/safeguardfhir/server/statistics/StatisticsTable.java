package org.safeguardfhir.server.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The counts of one measure broken down by up to two dimensions, protected by {@link CountTable}: the cells, the
 * totals along every dimension whose categories do not overlap, and the grand total. A cell names its category for
 * each dimension it is broken down by; a total names fewer (the grand total none).
 */
final class StatisticsTable {

    record Cell(Map<Dimension, String> categories, PublishedCount count) {}

    private StatisticsTable() {}

    static List<Cell> tabulate(List<CountedUnit> units, List<Dimension> by) {
        if (by.size() > 2) {
            throw new IllegalArgumentException("at most two dimensions");
        }
        var cells = new ArrayList<Cell>();
        if (by.isEmpty()) {
            cells.add(new Cell(Map.of(), PublishedCount.of(units.size())));
            return cells;
        }
        Dimension rowDimension = by.size() == 2 ? by.get(0) : null;
        Dimension columnDimension = by.get(by.size() - 1);
        List<String> rows = rowDimension == null ? List.of("") : categories(units, rowDimension);
        List<String> columns = categories(units, columnDimension);
        var raw = new long[rows.size()][columns.size()];
        for (var unit : units) {
            for (int r = 0; r < rows.size(); r++) {
                if (rowDimension != null && !unit.in(rowDimension).contains(rows.get(r))) {
                    continue;
                }
                for (int c = 0; c < columns.size(); c++) {
                    if (unit.in(columnDimension).contains(columns.get(c))) {
                        raw[r][c]++;
                    }
                }
            }
        }
        boolean rowsAdditive = rowDimension != null && additive(units, rowDimension);
        boolean columnsAdditive = additive(units, columnDimension);
        var table = CountTable.protect(raw, rowsAdditive, columnsAdditive, units.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                var categories = new EnumMap<Dimension, String>(Dimension.class);
                if (rowDimension != null) {
                    categories.put(rowDimension, rows.get(r));
                }
                categories.put(columnDimension, columns.get(c));
                cells.add(new Cell(categories, table.cell(r, c)));
            }
        }
        if (rowDimension != null) {
            for (int r = 0; r < rows.size(); r++) {
                int row = r;
                table.rowTotal(r).ifPresent(total -> cells.add(new Cell(Map.of(rowDimension, rows.get(row)), total)));
            }
            for (int c = 0; c < columns.size(); c++) {
                int column = c;
                table.columnTotal(c)
                        .ifPresent(total -> cells.add(new Cell(Map.of(columnDimension, columns.get(column)), total)));
            }
        }
        cells.add(new Cell(Map.of(), table.grandTotal()));
        return cells;
    }

    private static List<String> categories(List<CountedUnit> units, Dimension dimension) {
        var all = new TreeSet<String>();
        units.forEach(unit -> all.addAll(unit.in(dimension)));
        return List.copyOf(all);
    }

    /** Whether every unit falls in exactly one category, so the categories add up to the whole. */
    private static boolean additive(List<CountedUnit> units, Dimension dimension) {
        return units.stream().allMatch(unit -> unit.in(dimension).size() == 1);
    }
}
