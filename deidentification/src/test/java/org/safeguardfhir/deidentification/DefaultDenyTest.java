package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.json;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.parse;
import static org.safeguardfhir.deidentification.Engines.run;

import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class DefaultDenyTest {

    private static final String PATIENT =
            """
            {"resourceType": "Patient", "id": "pat-1",
             "meta": {"versionId": "4", "profile": ["https://example.org/StructureDefinition/p"],
                      "security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"}],
                      "tag": [{"code": "tagged-by-ward-7"}]},
             "text": {"status": "generated",
                      "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Narrative about Amira</div>"},
             "contained": [{"resourceType": "Organization", "id": "org", "name": "Contained Clinic"}],
             "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-nationality",
                            "extension": [{"url": "code", "valueCodeableConcept": {"text": "Albanian"}}]}],
             "modifierExtension": [{"url": "https://example.org/secret-flag", "valueString": "hidden-modifier"}],
             "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
             "active": true,
             "name": [{"family": "Hoxha", "given": ["Amira"]}],
             "gender": "female",
             "maritalStatus": {"text": "married-to-exploiter"},
             "communication": [{"language": {"text": "Albanian-dialect"}}],
             "managingOrganization": {"reference": "#org"}}
            """;

    @Test
    void keepsOnlyResourceTypeWhenNoRuleApplies() {
        Patient result = run(engine("{path: Task.status, method: keep}"), parse(Patient.class, PATIENT));

        result.getMeta().getSecurity().clear();
        assertThat(result.isEmpty()).isTrue();
        assertThat(json(result)).isEqualTo("{\"resourceType\":\"Patient\"}");
    }

    @Test
    void removesNarrativeExtensionsModifierExtensionsIdentifiersAndContained() {
        Patient result = run(engine("{path: Patient.gender, method: keep}"), parse(Patient.class, PATIENT));

        assertThat(result.hasText()).isFalse();
        assertThat(result.hasExtension()).isFalse();
        assertThat(result.hasModifierExtension()).isFalse();
        assertThat(result.hasIdentifier()).isFalse();
        assertThat(result.hasContained()).isFalse();
        assertThat(result.getGender()).isEqualTo(Enumerations.AdministrativeGender.FEMALE);
        assertThat(json(result))
                .doesNotContain("Amira", "Albanian", "hidden-modifier", "9434765919", "Contained Clinic", "#org");
    }

    @Test
    void removesElementsNoRuleMentions() {
        Patient result = run(engine("{path: Patient.gender, method: keep}"), parse(Patient.class, PATIENT));

        assertThat(result.hasActive()).isFalse();
        assertThat(result.hasMaritalStatus()).isFalse();
        assertThat(result.hasCommunication()).isFalse();
        assertThat(result.hasManagingOrganization()).isFalse();
        assertThat(json(result)).doesNotContain("married-to-exploiter", "Albanian-dialect");
    }

    @Test
    void removesTheIdUnlessARuleCoversIt() {
        assertThat(run(engine("{path: Patient.gender, method: keep}"), parse(Patient.class, PATIENT))
                        .hasId())
                .isFalse();
        assertThat(run(engine("{path: Patient.id, method: keep}"), parse(Patient.class, PATIENT))
                        .getIdElement()
                        .getIdPart())
                .isEqualTo("pat-1");
    }

    @Test
    void subjectsInputSecurityLabelsProfilesAndTagsToTheRules() {
        Patient removed = run(engine("{path: Patient.gender, method: keep}"), parse(Patient.class, PATIENT));
        assertThat(removed.getMeta().getSecurity()).extracting("code").containsExactly("REDACTED");
        assertThat(removed.getMeta().hasProfile()).isFalse();
        assertThat(removed.getMeta().hasTag()).isFalse();
        assertThat(removed.getMeta().hasVersionId()).isFalse();

        Patient kept = run(
                engine("{path: Patient.meta.security, method: keep}", "{path: Patient.meta.profile, method: keep}"),
                parse(Patient.class, PATIENT));
        assertThat(kept.getMeta().getSecurity()).extracting("code").containsExactly("R", "REDACTED");
        assertThat(kept.getMeta().getProfile()).hasSize(1);
    }

    @Test
    void keepsContainedResourcesExtensionsAndMetaWhenARuleCoversThem() {
        Patient input = parse(Patient.class, PATIENT);

        Patient result = run(engine("{path: Patient, method: keep}"), input);

        assertThat(json(result)).isEqualTo(json(input));
    }

    @Test
    void labelsAnyRemovalRedacted() {
        Patient result = run(engine("{path: Patient.gender, method: keep}"), parse(Patient.class, PATIENT));

        assertThat(labels(result)).containsExactly("REDACTED");
    }

    @Test
    void addsNoLabelWhenNothingWasRemovedOrChanged() {
        Patient result = run(engine("{path: Patient, method: keep}"), new Patient().setActive(true));

        assertThat(result.getMeta().hasSecurity()).isFalse();
        assertThat(result.getActive()).isTrue();
    }
}
