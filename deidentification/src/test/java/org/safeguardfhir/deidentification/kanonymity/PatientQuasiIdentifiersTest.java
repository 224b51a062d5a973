package org.safeguardfhir.deidentification.kanonymity;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.deidentification.SecurityLabel;

class PatientQuasiIdentifiersTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final List<Integer> WIDE = List.of(0, 18, 35, 55);

    /** A Patient as the research configuration leaves it. */
    private static Patient deidentified() {
        return FHIR.newJsonParser()
                .parseResource(
                        Patient.class,
                        """
                {"resourceType": "Patient", "id": "0f3a",
                 "meta": {"security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
                                        "code": "PSEUDED"}]},
                 "extension": [
                   {"url": "https://safeguardfhir.org/fhir/StructureDefinition/age-band", "valueString": "25-34"},
                   {"url": "http://hl7.org/fhir/StructureDefinition/patient-nationality",
                    "extension": [{"url": "code", "valueCodeableConcept": {
                        "coding": [{"system": "urn:iso:std:iso:3166", "code": "AL"}]}}]}],
                 "gender": "female",
                 "address": [{"postalCode": "SW1A"}]}
                """);
    }

    @Test
    void readsAgeBandSexRegionAndNationality() {
        assertThat(PatientQuasiIdentifiers.of(deidentified()))
                .containsExactly("25-34", "female", "SW1A", "urn:iso:std:iso:3166|AL");
        assertThat(PatientQuasiIdentifiers.of(new Patient())).containsExactly("", "", "", "");
    }

    @Test
    void eachStepCoarsensOneMoreQuasiIdentifierAndLabelsTheCopy() {
        var hierarchy = PatientQuasiIdentifiers.hierarchy(WIDE);
        Patient patient = deidentified();
        var seen = new java.util.ArrayList<List<String>>();
        for (var step : hierarchy) {
            Patient before = patient;
            patient = step.step().apply(patient);
            assertThat(PatientQuasiIdentifiers.of(before))
                    .as("the step's input is untouched")
                    .isNotEqualTo(seen);
            seen.add(PatientQuasiIdentifiers.of(patient));
        }

        assertThat(seen)
                .containsExactly(
                        List.of("25-34", "female", "SW1A", ""),
                        List.of("25-34", "female", "SW", ""),
                        List.of("18-34", "female", "SW", ""),
                        List.of("18-34", "female", "", ""),
                        List.of("", "female", "", ""),
                        List.of("", "", "", ""));
        assertThat(PatientQuasiIdentifiers.of(deidentified()).get(3))
                .as("input unchanged")
                .isNotEmpty();
        assertThat(patient.getMeta().getSecurity())
                .extracting(c -> c.getCode())
                .containsExactlyInAnyOrder("PSEUDED", "REDACTED", "ABSTRED");
        assertThat(patient.getMeta().getSecurity()).allMatch(c -> SecurityLabel.SYSTEM.equals(c.getSystem()));
        assertThat(patient.getIdPart()).isEqualTo("0f3a");
    }

    @Test
    void bandsWidenOnlyIntoABandThatHoldsThemWhole() {
        assertThat(PatientQuasiIdentifiers.widen("16-17", WIDE)).hasValue("0-17");
        assertThat(PatientQuasiIdentifiers.widen("18-24", WIDE)).hasValue("18-34");
        assertThat(PatientQuasiIdentifiers.widen("45-54", WIDE)).hasValue("35-54");
        assertThat(PatientQuasiIdentifiers.widen("65+", WIDE)).hasValue("55+");
        assertThat(PatientQuasiIdentifiers.widen("30-39", WIDE))
                .as("spans two wide bands")
                .isEmpty();
        assertThat(PatientQuasiIdentifiers.widen("unknown", WIDE)).isEmpty();
    }

    @Test
    void districtsBecomeTheirPostcodeArea() {
        assertThat(PatientQuasiIdentifiers.area("SW1A")).hasValue("SW");
        assertThat(PatientQuasiIdentifiers.area("M1")).hasValue("M");
        assertThat(PatientQuasiIdentifiers.area("01xx")).hasValue("0xxx");
        assertThat(PatientQuasiIdentifiers.area("somewhere")).isEmpty();
    }
}
