package org.safeguardfhir.deidentification.kanonymity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.safeguardfhir.deidentification.SecurityLabel;
import org.safeguardfhir.deidentification.method.AgeBands;

/**
 * The quasi-identifiers of a de-identified Patient, as the research configuration leaves them: age band (the age-band
 * extension), sex ({@code gender}), region (the postcode districts of its addresses) and nationality (the codes of
 * the patient-nationality extension); and the hierarchy that coarsens them, most identifying first: nationality goes,
 * then the district becomes its postcode area, the age band widens, the region goes, the age band goes, the sex goes.
 */
public final class PatientQuasiIdentifiers {

    public static final String NATIONALITY_URL = "http://hl7.org/fhir/StructureDefinition/patient-nationality";

    /** The quasi-identifiers' names, in the order {@link #of} gives their values. */
    public static final List<String> NAMES = List.of("age-band", "sex", "region", "nationality");

    private static final Pattern UK_DISTRICT = Pattern.compile("^([A-Z]{1,2})[0-9][A-Z0-9]?$");
    private static final Pattern NORWEGIAN_DISTRICT = Pattern.compile("^([0-9])[0-9]xx$");
    private static final Pattern BAND = Pattern.compile("^(\\d+)(?:-(\\d+)|(\\+))?$");

    private PatientQuasiIdentifiers() {}

    /** Age band, sex, region and nationality; an absent one is the empty string. */
    public static List<String> of(Patient patient) {
        return List.of(
                ageBand(patient).orElse(""),
                patient.hasGender() ? patient.getGender().toCode() : "",
                String.join(
                        ",",
                        patient.getAddress().stream()
                                .filter(Address::hasPostalCode)
                                .map(Address::getPostalCode)
                                .sorted()
                                .distinct()
                                .toList()),
                String.join(
                        ",",
                        nationalities(patient).stream()
                                .flatMap(c -> c.getCoding().stream())
                                .map(c -> c.getSystem() + "|" + c.getCode())
                                .sorted()
                                .distinct()
                                .toList()));
    }

    /**
     * The hierarchy, finest first.
     *
     * @param wideAgeBands ascending lower bounds of the wider age bands, e.g. {@code [0, 18, 35, 55]}; a band that
     *     does not fit inside one of them is removed when bands widen
     */
    public static List<Generalisation<Patient>> hierarchy(List<Integer> wideAgeBands) {
        return List.of(
                new Generalisation<>(
                        "nationality-removed",
                        changed(
                                p -> p.getExtension().removeIf(e -> NATIONALITY_URL.equals(e.getUrl())),
                                SecurityLabel.REDACTED)),
                new Generalisation<>(
                        "region-to-postcode-area",
                        changed(
                                p -> p.getAddress().forEach(a -> {
                                    if (a.hasPostalCode()) {
                                        area(a.getPostalCode())
                                                .ifPresentOrElse(a::setPostalCode, () -> a.setPostalCodeElement(null));
                                    }
                                }),
                                SecurityLabel.ABSTRED)),
                new Generalisation<>(
                        "age-band-widened",
                        changed(
                                p -> ageBandExtension(p)
                                        .ifPresent(e -> widen(e.getValue().primitiveValue(), wideAgeBands)
                                                .ifPresentOrElse(
                                                        wide -> e.setValue(new StringType(wide)),
                                                        () -> p.getExtension().remove(e))),
                                SecurityLabel.ABSTRED)),
                new Generalisation<>(
                        "region-removed",
                        changed(
                                p -> p.getAddress().forEach(a -> a.setPostalCodeElement(null)),
                                SecurityLabel.REDACTED)),
                new Generalisation<>(
                        "age-band-removed",
                        changed(
                                p -> p.getExtension().removeIf(e -> AgeBands.EXTENSION_URL.equals(e.getUrl())),
                                SecurityLabel.REDACTED)),
                new Generalisation<>("sex-removed", changed(p -> p.setGenderElement(null), SecurityLabel.REDACTED)));
    }

    /** A UK outward code's area ("SW1A" to "SW"), a Norwegian district's first digit ("01xx" to "0xxx"). */
    static Optional<String> area(String district) {
        String compact = district.trim().toUpperCase(Locale.ROOT);
        Matcher uk = UK_DISTRICT.matcher(compact);
        if (uk.matches()) {
            return Optional.of(uk.group(1));
        }
        Matcher norway = NORWEGIAN_DISTRICT.matcher(district.trim());
        if (norway.matches()) {
            return Optional.of(norway.group(1) + "xxx");
        }
        return Optional.empty();
    }

    /** The wide band that holds all of {@code band} ("18-24" in {@code [0, 18, 35, 55]} is "18-34"), if one does. */
    static Optional<String> widen(String band, List<Integer> wideBounds) {
        Matcher matcher = band == null ? null : BAND.matcher(band);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        int lower = Integer.parseInt(matcher.group(1));
        long upper = matcher.group(3) != null
                ? Long.MAX_VALUE
                : matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : lower;
        for (int i = wideBounds.size() - 1; i >= 0; i--) {
            int wideLower = wideBounds.get(i);
            if (lower >= wideLower) {
                boolean last = i == wideBounds.size() - 1;
                long wideUpper = last ? Long.MAX_VALUE : wideBounds.get(i + 1) - 1L;
                if (upper > wideUpper) {
                    return Optional.empty();
                }
                return Optional.of(last ? wideLower + "+" : wideLower + "-" + wideUpper);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ageBand(Patient patient) {
        return ageBandExtension(patient).map(e -> e.getValue().primitiveValue());
    }

    private static Optional<Extension> ageBandExtension(Patient patient) {
        return patient.getExtension().stream()
                .filter(e -> AgeBands.EXTENSION_URL.equals(e.getUrl()) && e.getValue() instanceof StringType)
                .findFirst();
    }

    private static List<CodeableConcept> nationalities(Patient patient) {
        return patient.getExtension().stream()
                .filter(e -> NATIONALITY_URL.equals(e.getUrl()))
                .flatMap(e -> e.getExtension().stream())
                .filter(e -> "code".equals(e.getUrl()) && e.getValue() instanceof CodeableConcept)
                .map(e -> (CodeableConcept) e.getValue())
                .toList();
    }

    /** A step that changes a copy and, if that changed anything, labels the copy with what was done. */
    private static UnaryOperator<Patient> changed(Consumer<Patient> change, SecurityLabel label) {
        return patient -> {
            Patient copy = patient.copy();
            List<String> before = of(copy);
            change.accept(copy);
            if (!of(copy).equals(before)
                    && copy.getMeta().getSecurity().stream()
                            .noneMatch(c -> SecurityLabel.SYSTEM.equals(c.getSystem())
                                    && label.name().equals(c.getCode()))) {
                copy.getMeta().addSecurity(label.toCoding());
            }
            return copy;
        };
    }
}
