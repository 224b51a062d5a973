package org.safeguardfhir.deidentification.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeBandsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private final AgeBands bands = new AgeBands(AgeBands.STANDARD);

    /** Dashboards, research exports and statistics band ages alike, so that their figures can be read together. */
    @ParameterizedTest
    @ValueSource(strings = {"dashboard", "research"})
    void theShippedConfigurationsUseTheStandardBands(String configuration) throws Exception {
        String yaml;
        try (var in = getClass().getResourceAsStream("/deidentification/" + configuration + ".yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var bandLists = Pattern.compile("to: ageBand, bands: \\[([0-9, ]+)]").matcher(yaml);
        int found = 0;
        while (bandLists.find()) {
            found++;
            var bounds = Arrays.stream(bandLists.group(1).split(","))
                    .map(String::strip)
                    .map(Integer::valueOf)
                    .toList();
            assertThat(bounds).as(configuration + ".yaml").isEqualTo(AgeBands.STANDARD);
        }
        assertThat(found).as("age-band rules in " + configuration + ".yaml").isPositive();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-06-15, 0-15",
        "2010-06-16, 0-15",
        "2010-06-15, 16-17",
        "2008-06-15, 18-24",
        "2001-06-16, 18-24",
        "2001-06-15, 25-34",
        "1961-06-16, 55-64",
        "1961-06-15, 65+",
        "1900-01-01, 65+"
    })
    void placesAnAgeInTheBandWhoseLowerBoundItHasReached(String birthDate, String band) {
        assertThat(bands.band(new DateType(birthDate), TODAY)).contains(band);
    }

    @Test
    void usesTheDateOfADateTime() {
        assertThat(bands.band(new DateTimeType("2008-06-15T23:00:00Z"), TODAY)).contains("18-24");
    }

    @Test
    void namesASingleYearBandByThatYear() {
        AgeBands narrow = new AgeBands(List.of(17, 18, 19));

        assertThat(narrow.band(new DateType("2009-01-01"), TODAY)).contains("17");
    }

    @Test
    void placesNoOneBelowTheFirstBandOrNotYetBorn() {
        AgeBands adults = new AgeBands(List.of(18, 65));

        assertThat(adults.band(new DateType("2010-01-01"), TODAY)).isEmpty();
        assertThat(bands.band(new DateType("2027-01-01"), TODAY)).isEmpty();
    }

    @Test
    void placesAPartialDateOnlyWhenAllItsDaysShareOneBand() {
        assertThat(bands.band(new DateType("1980"), TODAY)).contains("45-54");
        assertThat(bands.band(new DateType("2008"), TODAY)).isEmpty();
        assertThat(bands.band(new DateType("2008-01"), TODAY)).contains("18-24");
        assertThat(bands.band(new DateType("2008-06"), TODAY)).isEmpty();
    }
}
