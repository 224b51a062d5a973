package org.safeguardfhir.server.statistics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One thing counted (a screening, or a referral) and the categories it falls in, per dimension. */
record CountedUnit(Map<Dimension, Set<String>> categories) {

    static final String NONE = "none";

    static List<CountedUnit> of(Measure measure, List<Screening> screenings) {
        return switch (measure) {
            case SCREENINGS ->
                screenings.stream().map(s -> unit(s, pathways(s))).toList();
            case POSITIVES ->
                screenings.stream()
                        .filter(Screening::positive)
                        .map(s -> unit(s, pathways(s)))
                        .toList();
            case REFERRALS ->
                screenings.stream()
                        .flatMap(s -> s.referralPathways().stream().map(p -> unit(s, Set.of(p))))
                        .toList();
        };
    }

    private static Set<String> pathways(Screening screening) {
        return screening.referralPathways().isEmpty() ? Set.of(NONE) : Set.copyOf(screening.referralPathways());
    }

    private static CountedUnit unit(Screening screening, Set<String> pathways) {
        var categories = new EnumMap<Dimension, Set<String>>(Dimension.class);
        categories.put(Dimension.PERIOD, Set.of(screening.month().toString()));
        categories.put(Dimension.PATHWAY, pathways);
        categories.put(
                Dimension.EXPLOITATION_TYPE,
                screening.exploitationTypes().isEmpty() ? Set.of(NONE) : screening.exploitationTypes());
        categories.put(Dimension.AGE_BAND, Set.of(screening.ageBand()));
        categories.put(Dimension.REGION, Set.of(screening.region()));
        return new CountedUnit(categories);
    }

    Set<String> in(Dimension dimension) {
        return categories.get(dimension);
    }
}
