package org.safeguardfhir.deidentification.kanonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The algorithm on plain records: a person's age band, sex, region and nationality as strings. */
class KAnonymiserTest {

    record Person(String name, String age, String sex, String region, String nationality) {
        List<String> quasiIdentifiers() {
            return List.of(age, sex, region, nationality);
        }
    }

    private static final List<Generalisation<Person>> HIERARCHY = List.of(
            new Generalisation<>("nationality-removed", p -> new Person(p.name, p.age, p.sex, p.region, "")),
            new Generalisation<>(
                    "region-to-area",
                    p -> new Person(p.name, p.age, p.sex, p.region.replaceAll("[0-9].*", ""), p.nationality)),
            new Generalisation<>("region-removed", p -> new Person(p.name, p.age, p.sex, "", p.nationality)));

    private final KAnonymiser<Person> anonymiser = new KAnonymiser<>(3, Person::quasiIdentifiers, HIERARCHY);

    @Test
    void commonRecordsAreReleasedAsTheyAre() {
        var people = List.of(
                person("a", "25-34", "F", "SW1A", "AL"),
                person("b", "25-34", "F", "SW1A", "AL"),
                person("c", "25-34", "F", "SW1A", "AL"));

        var result = anonymiser.anonymise(people);

        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.level()).isZero());
        assertThat(result.outcomes().stream().map(o -> o.record().orElseThrow()))
                .containsExactlyElementsOf(people);
        assertThat(result.generalised()).isZero();
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void rareRecordsAreGeneralisedOnlyAsFarAsTheyNeed() {
        var people = List.of(
                person("a", "25-34", "F", "SW1A", "AL"),
                person("b", "25-34", "F", "SW1A", "AL"),
                person("c", "25-34", "F", "SW1A", "AL"),
                // Alone by nationality, together once it goes.
                person("d", "25-34", "F", "SW1A", "VN"),
                person("e", "25-34", "F", "SW1A", "GB"),
                person("f", "25-34", "F", "SW1A", "RO"),
                // Alone by district; the area SW holds them with nobody else pending, so the region goes.
                person("g", "18-24", "M", "SW3", "GB"),
                person("h", "18-24", "M", "SW9", "GB"),
                person("i", "18-24", "M", "E1", "GB"));

        var result = anonymiser.anonymise(people);

        assertThat(levels(result)).containsExactly(0, 0, 0, 1, 1, 1, 3, 3, 3);
        assertThat(result.record(3).nationality()).isEmpty();
        assertThat(result.record(3).region()).isEqualTo("SW1A");
        assertThat(result.record(6).region()).isEmpty();
        assertThat(result.record(6).nationality())
                .as("only what the steps reached is coarsened")
                .isEmpty();
        assertThat(result.generalised()).isEqualTo(6);
        assertThat(result.generalisedBy())
                .containsExactly(
                        Map.entry("nationality-removed", 6L),
                        Map.entry("region-to-area", 3L),
                        Map.entry("region-removed", 3L));
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void whatStaysRareAfterTheLastStepIsSuppressed() {
        var people = List.of(
                person("a", "25-34", "F", "SW1A", "AL"),
                person("b", "25-34", "F", "SW1A", "AL"),
                person("c", "25-34", "F", "SW1A", "AL"),
                person("d", "65+", "M", "M1", "AL"),
                person("e", "0-15", "F", "LS2", "VN"));

        var result = anonymiser.anonymise(people);

        assertThat(result.outcomes().get(3).isSuppressed()).isTrue();
        assertThat(result.outcomes().get(4).isSuppressed()).isTrue();
        assertThat(result.suppressed()).isEqualTo(2);
        assertThat(result.released()).isEqualTo(3);
    }

    @Test
    void withKOfOneNothingChanges() {
        var people = List.of(person("a", "25-34", "F", "SW1A", "AL"), person("b", "65+", "M", "M1", "VN"));

        var result = new KAnonymiser<>(1, Person::quasiIdentifiers, HIERARCHY).anonymise(people);

        assertThat(levels(result)).containsExactly(0, 0);
    }

    @Test
    void kMustBePositive() {
        assertThatThrownBy(() -> new KAnonymiser<>(0, Person::quasiIdentifiers, HIERARCHY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCombinationReleasedFromRandomDataOccursAtLeastKTimes() {
        var random = new Random(20261202L);
        String[] ages = {"0-15", "16-17", "18-24", "25-34", "35-44", "65+"};
        String[] regions = {"SW1A", "SW3", "E1", "E2", "M1", "LS2", "01xx"};
        String[] nationalities = {"GB", "AL", "VN", "RO", "ER", ""};
        for (int round = 0; round < 200; round++) {
            int k = 2 + random.nextInt(6);
            var people = new ArrayList<Person>();
            int size = random.nextInt(80);
            for (int i = 0; i < size; i++) {
                people.add(person(
                        "p" + i,
                        ages[random.nextInt(ages.length)],
                        random.nextBoolean() ? "F" : "M",
                        regions[random.nextInt(regions.length)],
                        nationalities[random.nextInt(nationalities.length)]));
            }

            var result = new KAnonymiser<>(k, Person::quasiIdentifiers, HIERARCHY).anonymise(people);

            var sizes = new HashMap<List<String>, Integer>();
            result.outcomes().stream()
                    .filter(o -> !o.isSuppressed())
                    .forEach(o -> sizes.merge(o.record().orElseThrow().quasiIdentifiers(), 1, Integer::sum));
            assertThat(sizes.values()).as("round %d, k = %d", round, k).allMatch(n -> n >= k);
            assertThat(result.released() + result.suppressed()).isEqualTo(size);
            for (int i = 0; i < size; i++) {
                var outcome = result.outcomes().get(i);
                if (!outcome.isSuppressed()) {
                    assertThat(outcome.record().orElseThrow().name())
                            .isEqualTo(people.get(i).name());
                }
            }
        }
    }

    private static Person person(String name, String age, String sex, String region, String nationality) {
        return new Person(name, age, sex, region, nationality);
    }

    private static List<Integer> levels(KAnonymity<Person> result) {
        return result.outcomes().stream().map(KAnonymity.Outcome::level).toList();
    }
}
