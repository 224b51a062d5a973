package org.safeguardfhir.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hapi.converters.canonical.VersionCanonicalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.ProfileKnowledgeWorkerR5;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r5.conformance.profile.ProfileUtilities;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.terminology.Canonicals;

/** Every artefact names itself consistently; every profile is an R4 differential whose snapshot HAPI can generate. */
class ArtefactDefinitionTest {

    static Stream<Named<Path>> artefactFiles() {
        return ConformanceArtefacts.named(ConformanceArtefacts.jsonFiles(ConformanceArtefacts.PROFILES));
    }

    static Stream<Named<StructureDefinition>> profiles() {
        return ConformanceArtefacts.profiles().stream().map(p -> Named.of(p.getIdPart(), p));
    }

    @ParameterizedTest
    @MethodSource("artefactFiles")
    void declaresCanonicalMetadataMatchingItsFileName(Path file) {
        MetadataResource artefact = (MetadataResource) ConformanceArtefacts.parse(file);
        String type = artefact.fhirType();
        String id = artefact.getIdElement().getIdPart();

        assertThat(file.getFileName()).hasToString(type + "-" + id + ".json");
        assertThat(artefact.getUrl()).isEqualTo(Canonicals.of(type, id));
        assertThat(artefact.getVersion()).isEqualTo(ConformancePackage.VERSION);
        assertThat(artefact.getStatus()).isIn(PublicationStatus.ACTIVE, PublicationStatus.DRAFT);
        assertThat(artefact.getDateElement().getValueAsString()).isEqualTo("2026-11-22");
        assertThat(artefact.getPublisher()).isEqualTo("Safeguard FHIR");
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void isADifferentialConstraintOnAnR4Resource(StructureDefinition profile) {
        assertThat(profile.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(profile.getKind()).isEqualTo(StructureDefinitionKind.RESOURCE);
        assertThat(profile.getAbstract()).isFalse();
        assertThat(profile.getDerivation()).isEqualTo(TypeDerivationRule.CONSTRAINT);
        assertThat(profile.getBaseDefinition())
                .isEqualTo("http://hl7.org/fhir/StructureDefinition/" + profile.getType());
        assertThat(profile.getDifferential().getElement()).isNotEmpty();
        assertThat(profile.hasSnapshot()).as("snapshot in source").isFalse();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void generatesASnapshotWithoutErrors(StructureDefinition profile) {
        var context = new WorkerContextValidationSupportAdapter(ConformanceArtefacts.supportChain());
        var canonical =
                new VersionCanonicalizer(ConformanceArtefacts.FHIR).structureDefinitionToCanonical(profile.copy());
        var base =
                context.fetchResource(org.hl7.fhir.r5.model.StructureDefinition.class, canonical.getBaseDefinition());
        List<ValidationMessage> messages = new ArrayList<>();

        new ProfileUtilities(context, messages, new ProfileKnowledgeWorkerR5(ConformanceArtefacts.FHIR))
                .generateSnapshot(base, canonical, canonical.getUrl(), null, canonical.getName());

        assertThat(messages)
                .filteredOn(m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
                .isEmpty();
        List<String> snapshotIds = canonical.getSnapshot().getElement().stream()
                .map(ElementDefinition::getId)
                .toList();
        assertThat(snapshotIds)
                .containsAll(profile.getDifferential().getElement().stream()
                        .map(e -> e.getId())
                        .toList());
    }
}
