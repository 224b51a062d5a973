package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.OtherElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConceptMapTest {

    private static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String SNOMED_CT = "http://snomed.info/sct";

    /** The trafficking codes of ICD-10-CM, as listed in the domain research (section 3.1), with their titles. */
    private static final Map<String, String> ICD_10_CM_CODES = Map.of(
            "T74.51", "Adult forced sexual exploitation, confirmed",
            "T74.52", "Child sexual exploitation, confirmed",
            "T74.61", "Adult forced labor exploitation, confirmed",
            "T74.62", "Child forced labor exploitation, confirmed",
            "T76.51", "Adult forced sexual exploitation, suspected",
            "T76.52", "Child sexual exploitation, suspected",
            "T76.61", "Adult forced labor exploitation, suspected",
            "T76.62", "Child forced labor exploitation, suspected");

    /** SNOMED CT concepts whose ids and terms were verified (domain research, section 3.3); no others may be used. */
    private static final Map<String, String> VERIFIED_SNOMED_CT = Map.of(
            "713834002", "Victim of child sexual exploitation (finding)",
            "700253008", "Suspected victim of sexual grooming (situation)",
            "716565009", "At increased risk of child sexual exploitation (finding)",
            "225819001", "Victim of threats (finding)",
            "706893006", "Victim of intimate partner abuse");

    static Stream<String> conceptMaps() {
        return Artefacts.conceptMaps().stream().map(ConceptMap::getIdPart);
    }

    @ParameterizedTest
    @MethodSource("conceptMaps")
    void mapsEveryExploitationTypeFromItsOwnCodeSystem(String id) {
        ConceptMap map = conceptMap(id);
        CodeSystem source = Artefacts.codeSystem(Canonicals.EXPLOITATION_TYPE);
        ConceptMapGroupComponent group = singleGroup(map);

        assertThat(map.getSourceCanonicalType().getValue())
                .isEqualTo(Canonicals.valueSet(Canonicals.EXPLOITATION_TYPE));
        assertThat(group.getSource()).isEqualTo(source.getUrl());
        assertThat(group.getElement()).allSatisfy(element -> assertThat(element.getDisplay())
                .isEqualTo(
                        CodeSystemContentTest.concept(source, element.getCode()).getDisplay()));
        assertThat(group.getElement())
                .extracting(SourceElementComponent::getCode)
                .containsExactlyInAnyOrderElementsOf(Artefacts.concepts(source).stream()
                        .map(ConceptDefinitionComponent::getCode)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("conceptMaps")
    void targetsOnlyKnownCodesOfTheExpectedSystem(String id) {
        ConceptMapGroupComponent group = singleGroup(conceptMap(id));
        Map<String, String> allowed =
                id.equals(Canonicals.EXPLOITATION_TYPE_TO_ICD10CM) ? ICD_10_CM_CODES : VERIFIED_SNOMED_CT;

        assertThat(group.getTarget())
                .isEqualTo(id.equals(Canonicals.EXPLOITATION_TYPE_TO_ICD10CM) ? ICD_10_CM : SNOMED_CT);
        assertThat(targets(group))
                .filteredOn(TargetElementComponent::hasCode)
                .isNotEmpty()
                .allSatisfy(target -> {
                    assertThat(allowed).as("known target codes").containsKey(target.getCode());
                    assertThat(target.getDisplay()).isEqualTo(allowed.get(target.getCode()));
                });
    }

    @ParameterizedTest
    @MethodSource("conceptMaps")
    void unmatchedTargetsCarryNoCodeButAComment(String id) {
        assertThat(targets(singleGroup(conceptMap(id)))).allSatisfy(target -> {
            boolean unmatched = target.getEquivalence() == ConceptMapEquivalence.UNMATCHED;
            assertThat(target.hasCode()).as("target has a code").isEqualTo(!unmatched);
            assertThat(target.getEquivalence()).isNotNull();
            if (unmatched || target.getEquivalence() != ConceptMapEquivalence.EQUIVALENT) {
                assertThat(target.getComment())
                        .as("comment on a %s target", target.getEquivalence())
                        .isNotBlank();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("conceptMaps")
    void dependsOnNamesCodesOfTheCertaintyAndAgeGroupCodeSystems(String id) {
        List<OtherElementComponent> dependencies = targets(singleGroup(conceptMap(id))).stream()
                .flatMap(t -> t.getDependsOn().stream())
                .toList();

        assertThat(dependencies).isNotEmpty().allSatisfy(dependency -> {
            assertThat(dependency.getSystem())
                    .isIn(
                            Canonicals.codeSystem(Canonicals.FINDING_CERTAINTY),
                            Canonicals.codeSystem(Canonicals.AGE_GROUP));
            assertThat(dependency.getProperty())
                    .isEqualTo(dependency.getSystem().replace("/CodeSystem/", "/ValueSet/"));
            CodeSystem codeSystem =
                    Artefacts.findCodeSystemByUrl(dependency.getSystem()).orElseThrow();
            assertThat(dependency.getDisplay())
                    .isEqualTo(CodeSystemContentTest.concept(codeSystem, dependency.getValue())
                            .getDisplay());
        });
    }

    @Test
    void icd10cmMapChoosesTheCodeByCertaintyAndAgeGroup() {
        ConceptMapGroupComponent group = singleGroup(conceptMap(Canonicals.EXPLOITATION_TYPE_TO_ICD10CM));

        assertThat(codesByDependency(group, "sexual"))
                .isEqualTo(Map.of(
                        "confirmed/adult", "T74.51",
                        "confirmed/child", "T74.52",
                        "suspected/adult", "T76.51",
                        "suspected/child", "T76.52"));
        assertThat(codesByDependency(group, "labour"))
                .isEqualTo(Map.of(
                        "confirmed/adult", "T74.61",
                        "confirmed/child", "T74.62",
                        "suspected/adult", "T76.61",
                        "suspected/child", "T76.62"));
        assertThat(Stream.of("domestic-servitude", "criminal", "organ-removal", "forced-marriage", "other", "unknown"))
                .allSatisfy(code -> assertThat(element(group, code).getTarget())
                        .extracting(TargetElementComponent::getEquivalence)
                        .containsExactly(ConceptMapEquivalence.UNMATCHED));
    }

    @Test
    void icd10cmMapSaysTheCodesAreUsOnly() {
        assertThat(conceptMap(Canonicals.EXPLOITATION_TYPE_TO_ICD10CM).getDescription())
                .contains("US classification", "must not be recorded as NHS or Norwegian diagnoses");
    }

    @Test
    void snomedMapMapsOnlyTheSexualExploitationOfAChild() {
        ConceptMapGroupComponent group = singleGroup(conceptMap(Canonicals.EXPLOITATION_TYPE_TO_SNOMED));

        assertThat(codesByDependency(group, "sexual"))
                .isEqualTo(Map.of(
                        "confirmed/child", "713834002",
                        "suspected/child", "716565009"));
        assertThat(group.getElement())
                .filteredOn(e -> !e.getCode().equals("sexual"))
                .allSatisfy(e -> assertThat(e.getTarget())
                        .extracting(TargetElementComponent::getEquivalence)
                        .containsExactly(ConceptMapEquivalence.UNMATCHED));
    }

    private static ConceptMap conceptMap(String id) {
        return Artefacts.conceptMaps().stream()
                .filter(m -> m.getIdPart().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static ConceptMapGroupComponent singleGroup(ConceptMap map) {
        assertThat(map.getGroup()).hasSize(1);
        return map.getGroupFirstRep();
    }

    private static List<TargetElementComponent> targets(ConceptMapGroupComponent group) {
        return group.getElement().stream().flatMap(e -> e.getTarget().stream()).toList();
    }

    private static SourceElementComponent element(ConceptMapGroupComponent group, String code) {
        return group.getElement().stream()
                .filter(e -> e.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** The target codes of one source code, keyed by "certainty/age-group" from their dependsOn. */
    private static Map<String, String> codesByDependency(ConceptMapGroupComponent group, String sourceCode) {
        Map<String, String> codes = new HashMap<>();
        for (TargetElementComponent target : element(group, sourceCode).getTarget()) {
            if (target.hasCode()) {
                String certainty = dependency(target, Canonicals.FINDING_CERTAINTY);
                String ageGroup = dependency(target, Canonicals.AGE_GROUP);
                assertThat(codes.put(certainty + "/" + ageGroup, target.getCode()))
                        .as("duplicate")
                        .isNull();
            }
        }
        return codes;
    }

    private static String dependency(TargetElementComponent target, String codeSystemId) {
        return target.getDependsOn().stream()
                .filter(d -> d.getSystem().equals(Canonicals.codeSystem(codeSystemId)))
                .map(OtherElementComponent::getValue)
                .findFirst()
                .orElse("any");
    }
}
