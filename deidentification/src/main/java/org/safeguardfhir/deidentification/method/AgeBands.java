package org.safeguardfhir.deidentification.method;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * Turns a birth date into an age band such as "18-24" or "65+", from ascending lower bounds in years. A partial birth
 * date gives a band only if every day it could stand for falls in the same band.
 */
public final class AgeBands {

    public static final String EXTENSION_URL = "https://safeguardfhir.org/fhir/StructureDefinition/age-band";

    /**
     * The bands every view of ours uses (statistics, dashboards, research exports), so that counts and records line
     * up: 16 and 18 are where the law's protections for children and young people change.
     */
    public static final List<Integer> STANDARD = List.of(0, 16, 18, 25, 35, 45, 55, 65);

    private final List<Integer> lowerBounds;

    public AgeBands(List<Integer> lowerBounds) {
        if (lowerBounds.isEmpty()) {
            throw new IllegalArgumentException("at least one band is needed");
        }
        this.lowerBounds = List.copyOf(lowerBounds);
    }

    /** The band on {@code today}, or empty when the age is below the first band or cannot be placed in one. */
    public Optional<String> band(BaseDateTimeType birthDate, LocalDate today) {
        if (birthDate.getValue() == null) {
            return Optional.empty();
        }
        String written = birthDate.getValueAsString();
        TemporalPrecisionEnum precision = birthDate.getPrecision();
        LocalDate earliest;
        LocalDate latest;
        if (precision == TemporalPrecisionEnum.YEAR) {
            int year = Integer.parseInt(written.substring(0, 4));
            earliest = LocalDate.of(year, 1, 1);
            latest = LocalDate.of(year, 12, 31);
        } else if (precision == TemporalPrecisionEnum.MONTH) {
            YearMonth month = YearMonth.parse(written.substring(0, 7));
            earliest = month.atDay(1);
            latest = month.atEndOfMonth();
        } else {
            earliest = LocalDate.parse(written.substring(0, 10));
            latest = earliest;
        }
        Optional<Integer> oldest = bandIndex(age(earliest, today));
        Optional<Integer> youngest = bandIndex(age(latest, today));
        return oldest.isPresent() && oldest.equals(youngest) ? Optional.of(label(oldest.get())) : Optional.empty();
    }

    private static int age(LocalDate birth, LocalDate today) {
        return birth.isAfter(today) ? -1 : Period.between(birth, today).getYears();
    }

    private Optional<Integer> bandIndex(int age) {
        for (int i = lowerBounds.size() - 1; i >= 0; i--) {
            if (age >= lowerBounds.get(i)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private String label(int index) {
        int lower = lowerBounds.get(index);
        if (index == lowerBounds.size() - 1) {
            return lower + "+";
        }
        int upper = lowerBounds.get(index + 1) - 1;
        return upper == lower ? String.valueOf(lower) : lower + "-" + upper;
    }
}
