package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.run;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeguardfhir.deidentification.method.AgeBands;

class GeneralizeRuleTest {

    private final Deidentifier ageBands = engine(
            "{path: Patient.birthDate, method: generalize, to: ageBand, bands: [0, 16, 18, 25, 35, 45, 55, 65]}");

    @ParameterizedTest
    @CsvSource({
        "2008-06-16, 16-17", // 17 on 2026-06-15: the day before the 18th birthday
        "2008-06-15, 18-24",
        "1961-06-15, 65+",
        "2020-01-01, 0-15"
    })
    void replacesTheBirthDateWithAnAgeBandExtension(String birthDate, String band) {
        Patient result = run(ageBands, new Patient().setBirthDateElement(new DateType(birthDate)));

        assertThat(result.hasBirthDate()).isFalse();
        assertThat(result.getExtensionByUrl(AgeBands.EXTENSION_URL).getValue().primitiveValue())
                .isEqualTo(band);
        assertThat(labels(result)).containsExactly("ABSTRED");
    }

    @Test
    void dropsTheBirthTimeExtensionWithTheBirthDate() {
        Patient patient = new Patient().setBirthDateElement(new DateType("1990-04-05"));
        patient.getBirthDateElement()
                .addExtension(new Extension(
                        "http://hl7.org/fhir/StructureDefinition/patient-birthTime",
                        new DateTimeType("1990-04-05T03:10:00Z")));

        Patient result = run(ageBands, patient);

        assertThat(result.getExtension()).extracting(Extension::getUrl).containsExactly(AgeBands.EXTENSION_URL);
        assertThat(Engines.json(result)).doesNotContain("1990");
    }

    @Test
    void removesABirthYearThatSpansTwoBands() {
        Patient result = run(ageBands, new Patient().setBirthDateElement(new DateType("2008")));

        assertThat(result.hasExtension()).isFalse();
        assertThat(labels(result)).containsExactly("REDACTED");
    }

    @Test
    void bandsABirthYearThatFitsOneBand() {
        Patient result = run(ageBands, new Patient().setBirthDateElement(new DateType("1980")));

        assertThat(result.getExtensionByUrl(AgeBands.EXTENSION_URL).getValue().primitiveValue())
                .isEqualTo("45-54");
    }

    @Test
    void coarsensADateTimeToItsMonth() {
        Task task = new Task().setAuthoredOnElement(new DateTimeType("2026-11-20T10:45:00Z"));

        Task result = run(engine("{path: Task.authoredOn, method: generalize, to: month}"), task);

        assertThat(result.getAuthoredOnElement().getValueAsString()).isEqualTo("2026-11");
        assertThat(labels(result)).containsExactly("ABSTRED");
    }

    @Test
    void coarsensADateToItsYear() {
        Patient result = run(
                engine("{path: Patient.birthDate, method: generalize, to: year}"),
                new Patient().setBirthDateElement(new DateType("1990-04-05")));

        assertThat(result.getBirthDateElement().getValueAsString()).isEqualTo("1990");
    }

    @ParameterizedTest
    @CsvSource({"SW1A 1AA, SW1A", "M1 1AE, M1", "ls1 4ap, LS1", "0150, 01xx", "9990, 99xx"})
    void cutsAPostcodeToItsDistrict(String postcode, String district) {
        Patient patient = new Patient();
        patient.addAddress().setPostalCode(postcode);

        Patient result =
                run(engine("{path: Patient.address.postalCode, method: generalize, to: postcodeDistrict}"), patient);

        assertThat(result.getAddressFirstRep().getPostalCode()).isEqualTo(district);
    }

    @Test
    void removesAPostcodeItDoesNotRecognise() {
        Patient patient = new Patient();
        patient.addAddress().setPostalCode("75001 Paris");

        Patient result =
                run(engine("{path: Patient.address.postalCode, method: generalize, to: postcodeDistrict}"), patient);

        assertThat(result.hasAddress()).isFalse();
        assertThat(labels(result)).containsExactly("REDACTED");
    }

    @Test
    void appliesTheFirstMatchingCase() {
        Deidentifier engine =
                engine("{path: Observation.valueInteger, method: generalize, cases: [{when: '$this >= 10', then: '10'},"
                        + " {when: '$this >= 5', then: '5'}], otherwise: keep}");

        assertThat(score(engine, 12)).isEqualTo(10);
        assertThat(score(engine, 7)).isEqualTo(5);
        assertThat(score(engine, 3)).isEqualTo(3);
    }

    @Test
    void removesAValueNoCaseMatchesByDefault() {
        Deidentifier engine = engine(
                "{path: Observation.valueInteger, method: generalize, to: cases, cases: [{when: '$this > 10', then: '10'}]}");

        Observation result = run(engine, new Observation().setValue(new IntegerType(3)));

        assertThat(result.hasValue()).isFalse();
    }

    private static Integer score(Deidentifier engine, int value) {
        return run(engine, new Observation().setValue(new IntegerType(value)))
                .getValueIntegerType()
                .getValue();
    }
}
