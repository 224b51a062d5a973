package org.safeguardfhir.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ResourceShapeTest {

    static final RequestLimits LIMITS = new RequestLimits(
            DataSize.ofMegabytes(10), 5, 2, 10, 12, 30, 5, 10_000, 2048, Duration.ofSeconds(30), Duration.ofSeconds(1));

    private final ResourceShape shape = new ResourceShape(LIMITS);

    @Test
    void aResourceWithinTheLimitsPasses() {
        var patient = new Patient();
        patient.addName().setFamily("Hansen").addGiven("Kari").addGiven("Ane");

        assertThat(shape.problem(patient)).isEmpty();
    }

    @Test
    void tooManyValuesOfOneElementNameTheElementAndTheLimit() {
        var patient = new Patient();
        var name = patient.addName();
        for (int i = 0; i < 11; i++) {
            name.addGiven("g" + i);
        }

        assertThat(shape.problem(patient))
                .contains("Patient.name.given has 11 values, more than the limit safeguard.limits.max-repeats (10)");
    }

    @Test
    void tooManyContainedResourcesAreRefused() {
        var patient = new Patient();
        for (int i = 0; i < 3; i++) {
            patient.addContained(new Patient().setId("p" + i));
        }

        assertThat(shape.problem(patient))
                .hasValueSatisfying(problem -> assertThat(problem).contains("safeguard.limits.max-contained (2)"));
    }

    @Test
    void aBundleHasItsOwnEntryLimit() {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (int i = 0; i < 6; i++) {
            bundle.addEntry().setResource(new Patient());
        }

        assertThat(shape.problem(bundle)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("6 entries", "safeguard.limits.max-bundle-entries (5)"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        var response = new QuestionnaireResponse();
        QuestionnaireResponseItemComponent item = response.addItem().setLinkId("0");
        for (int i = 1; i < 20; i++) {
            item = item.addItem().setLinkId(String.valueOf(i));
        }

        assertThat(shape.problem(response))
                .hasValueSatisfying(problem -> assertThat(problem).contains("safeguard.limits.max-depth (12)"));
    }
}
