package org.safeguardfhir.deidentification.kanonymity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link KAnonymiser} made of each record, in the order the records were given.
 *
 * @param steps the names of the hierarchy's steps, finest first
 */
public record KAnonymity<T>(int k, List<String> steps, List<Outcome<T>> outcomes) {

    public KAnonymity {
        steps = List.copyOf(steps);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * One record's fate.
     *
     * @param record the record as released (generalised {@code level} steps), empty when suppressed
     * @param level how many steps of the hierarchy were applied; meaningless when suppressed
     */
    public record Outcome<T>(Optional<T> record, int level) {

        static <T> Outcome<T> released(T record, int level) {
            return new Outcome<>(Optional.of(record), level);
        }

        static <T> Outcome<T> suppressed() {
            return new Outcome<>(Optional.empty(), -1);
        }

        public boolean isSuppressed() {
            return record.isEmpty();
        }
    }

    /** The {@code index}th record as released; throws if it was suppressed. */
    public T record(int index) {
        return outcomes.get(index)
                .record()
                .orElseThrow(() -> new IllegalStateException("record " + index + " was suppressed"));
    }

    public long released() {
        return outcomes.stream().filter(o -> !o.isSuppressed()).count();
    }

    public long suppressed() {
        return outcomes.stream().filter(Outcome::isSuppressed).count();
    }

    /** Released records that needed at least one step of generalisation. */
    public long generalised() {
        return outcomes.stream().filter(o -> !o.isSuppressed() && o.level() > 0).count();
    }

    /**
     * How many released records each step was applied to, by step name, in hierarchy order (a record released at
     * level 2 counts for the first two steps).
     */
    public Map<String, Long> generalisedBy() {
        var counts = new LinkedHashMap<String, Long>();
        for (int step = 0; step < steps.size(); step++) {
            int applied = step + 1;
            counts.put(
                    steps.get(step),
                    outcomes.stream()
                            .filter(o -> !o.isSuppressed() && o.level() >= applied)
                            .count());
        }
        return counts;
    }
}
