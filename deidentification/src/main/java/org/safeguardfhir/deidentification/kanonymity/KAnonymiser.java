package org.safeguardfhir.deidentification.kanonymity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes a set of records k-anonymous on their quasi-identifiers: in the result, every combination of quasi-identifier
 * values that occurs at all occurs in at least {@code k} records.
 *
 * <p>Records are grouped by their quasi-identifiers, and every group of {@code k} or more is released as it is. The
 * records of the smaller groups are generalised one step up the hierarchy, together, and grouped again; groups now
 * large enough are released at that level, and so on. What is still in a group smaller than {@code k} after the last
 * step is suppressed. So a record is generalised only as far as its own rarity demands (local recoding), and common
 * records keep their detail.
 *
 * <p>Each released group holds at least {@code k} records with identical quasi-identifiers, so every combination in
 * the output occurs at least {@code k} times, whichever level its records were released at. Known limit: someone who
 * knows the algorithm can tell that a generalised record comes from a group that was rare before generalisation.
 */
public final class KAnonymiser<T> {

    private final int k;
    private final Function<T, ?> quasiIdentifiers;
    private final List<Generalisation<T>> hierarchy;

    /**
     * @param quasiIdentifiers a record's quasi-identifier values, as a value with {@code equals} and {@code hashCode}
     *     (a list or a record)
     * @param hierarchy the generalisation steps, finest first
     */
    public KAnonymiser(int k, Function<T, ?> quasiIdentifiers, List<Generalisation<T>> hierarchy) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        this.k = k;
        this.quasiIdentifiers = Objects.requireNonNull(quasiIdentifiers, "quasiIdentifiers");
        this.hierarchy = List.copyOf(hierarchy);
    }

    public int k() {
        return k;
    }

    public List<String> stepNames() {
        return hierarchy.stream().map(Generalisation::name).toList();
    }

    /** The records, each released at the level its group reached, or suppressed; in the order they were given. */
    public KAnonymity<T> anonymise(List<T> records) {
        var outcomes = new ArrayList<KAnonymity.Outcome<T>>(records.size());
        List<Pending<T>> pending = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            pending.add(new Pending<>(i, records.get(i)));
            outcomes.add(null);
        }
        for (int level = 0; !pending.isEmpty(); level++) {
            var groups = new LinkedHashMap<Object, List<Pending<T>>>();
            for (var record : pending) {
                groups.computeIfAbsent(quasiIdentifiers.apply(record.current()), key -> new ArrayList<>())
                        .add(record);
            }
            var rare = new ArrayList<Pending<T>>();
            for (var group : groups.values()) {
                if (group.size() >= k) {
                    for (var record : group) {
                        outcomes.set(record.index(), KAnonymity.Outcome.released(record.current(), level));
                    }
                } else {
                    rare.addAll(group);
                }
            }
            if (level == hierarchy.size()) {
                rare.forEach(record -> outcomes.set(record.index(), KAnonymity.Outcome.suppressed()));
                break;
            }
            var step = hierarchy.get(level).step();
            pending = rare.stream()
                    .map(record -> new Pending<>(record.index(), step.apply(record.current())))
                    .toList();
        }
        return new KAnonymity<>(k, stepNames(), outcomes);
    }

    private record Pending<T>(int index, T current) {}
}
