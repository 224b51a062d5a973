package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.CLOCK;
import static org.safeguardfhir.deidentification.Engines.json;
import static org.safeguardfhir.deidentification.Engines.key;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Fixtures.PATIENT_REFERENCE;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;
import org.safeguardfhir.deidentification.method.AgeBands;

class DashboardConfigurationTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("SAFEGUARD_DEID_HASH_KEY", key("dashboard"));

    private final Deidentifier dashboard = new Deidentifier(Fixtures.shipped("dashboard"), ENVIRONMENT::get, CLOCK);

    @ParameterizedTest
    @FieldSource("org.safeguardfhir.deidentification.Fixtures#FILES")
    void leavesNoDirectIdentifierAnywhereInTheOutput(String file) {
        Fixtures.assertNoIdentifyingValueSurvives(dashboard, file);
    }

    @Test
    void fixturesContainEveryIdentifyingValueTheLeakTestLooksFor() {
        String inputs = Fixtures.FILES.stream()
                .map(file -> json(Fixtures.resource(file)))
                .collect(Collectors.joining())
                .toLowerCase(Locale.ROOT);

        assertThat(Fixtures.IDENTIFYING)
                .allSatisfy(value -> assertThat(inputs).contains(value.toLowerCase(Locale.ROOT)));
    }

    @Test
    void keepsTheTaskStatePathwayAndMonthAndPseudonymisesItsSubject() {
        Task task = (Task) dashboard.deidentify(Fixtures.resource("Task-referral.json"), PATIENT_REFERENCE);
        Patient patient = (Patient) dashboard.deidentify(Fixtures.resource("Patient-amira.json"), null);

        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("awaiting-contact");
        assertThat(task.getBusinessStatus().hasText()).isFalse();
        assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("nrm-first-responder");
        assertThat(task.getAuthoredOnElement().getValueAsString()).isEqualTo("2026-05");
        assertThat(task.getOwner().getReference()).isEqualTo("Organization/org-safeguarding-hub");
        assertThat(task.getFor().getReference())
                .isEqualTo("Patient/" + patient.getIdElement().getIdPart());
        assertThat(task.getIdElement().getIdPart()).isEqualTo("4711");
        assertThat(task.hasDescription() || task.hasNote() || task.hasInput() || task.hasRequester())
                .isFalse();
        assertThat(labels(task)).containsExactlyInAnyOrder("REDACTED", "PSEUDED", "ABSTRED");
    }

    @Test
    void namesThePseudonymATaskSubjectBecomesSoItCanBeResolved() {
        Task task = (Task) dashboard.deidentify(Fixtures.resource("Task-referral.json"), PATIENT_REFERENCE);
        String patientId = ((Task) Fixtures.resource("Task-referral.json"))
                .getFor()
                .getReferenceElement()
                .getIdPart();

        assertThat(dashboard.pseudonym("Patient", patientId))
                .hasValueSatisfying(
                        pseudonym -> assertThat(task.getFor().getReference()).isEqualTo("Patient/" + pseudonym));
        assertThat(dashboard.pseudonym("Patient", patientId + "0"))
                .isNotEqualTo(dashboard.pseudonym("Patient", patientId));
        assertThat(Engines.engine("{path: Patient.gender, method: keep}").pseudonym("Patient", patientId))
                .isEmpty();
    }

    @Test
    void reducesThePatientToPseudonymGenderAgeBandAndPostcodeDistrict() {
        Patient patient = (Patient) dashboard.deidentify(Fixtures.resource("Patient-amira.json"), null);

        assertThat(patient.getIdElement().getIdPart()).matches("[0-9a-f]{64}");
        assertThat(patient.getGender().toCode()).isEqualTo("female");
        assertThat(patient.getExtension()).singleElement().satisfies(band -> {
            assertThat(band.getUrl()).isEqualTo(AgeBands.EXTENSION_URL);
            assertThat(band.getValue().primitiveValue()).isEqualTo("25-34");
        });
        assertThat(patient.getAddress()).singleElement().satisfies(address -> assertThat(json(patient))
                .contains("\"address\":[{\"postalCode\":\"M1\"}]"));
        assertThat(labels(patient)).containsExactlyInAnyOrder("REDACTED", "PSEUDED", "ABSTRED");
    }

    @Test
    void keepsTheOrganizationNameAndTypeOnly() {
        Organization organization =
                (Organization) dashboard.deidentify(Fixtures.resource("Organization-hub.json"), null);

        assertThat(organization.getName()).isEqualTo("Central Safeguarding Hub");
        assertThat(organization.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("prov");
        assertThat(organization.hasTelecom() || organization.hasAddress() || organization.hasIdentifier())
                .isFalse();
    }

    @Test
    void removesResourcesTheDashboardHasNoRulesForDownToTheirType() {
        Resource flag = (Resource) dashboard.deidentify(Fixtures.resource("Flag-safety.json"), PATIENT_REFERENCE);

        assertThat(json(flag))
                .isEqualTo("{\"resourceType\":\"Flag\",\"meta\":{\"security\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/v3-ObservationValue\",\"code\":\"REDACTED\","
                        + "\"display\":\"redacted\"}]}}");
    }

    @Test
    void loadsTheShippedFileFromAPath() {
        DeidentificationConfig config =
                DeidentificationConfig.load(Path.of("src/main/resources/deidentification/dashboard.yaml"));

        assertThat(config.name()).isEqualTo("dashboard");
        assertThat(config.rules()).hasSameSizeAs(Fixtures.shipped("dashboard").rules());
    }
}
