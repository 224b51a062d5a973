package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionDesignationComponent;
import org.hl7.fhir.r4.model.CodeSystem.PropertyComponent;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodeSystemContentTest {

    static Stream<String> codeSystems() {
        return Artefacts.codeSystemIds();
    }

    @ParameterizedTest
    @MethodSource("codeSystems")
    void everyConceptHasDisplayDefinitionAndOneNorwegianBokmalDisplay(String id) {
        assertThat(Artefacts.concepts(Artefacts.codeSystem(id))).isNotEmpty().allSatisfy(concept -> {
            assertThat(concept.getCode()).as("code").isNotBlank();
            assertThat(concept.getDisplay())
                    .as("display of %s", concept.getCode())
                    .isNotBlank();
            assertThat(concept.getDefinition())
                    .as("definition of %s", concept.getCode())
                    .isNotBlank();
            List<ConceptDefinitionDesignationComponent> norwegian = concept.getDesignation().stream()
                    .filter(d -> "nb".equals(d.getLanguage()))
                    .toList();
            assertThat(norwegian)
                    .as("nb designation of %s", concept.getCode())
                    .singleElement()
                    .satisfies(d -> assertThat(d.getValue()).isNotBlank());
        });
    }

    @ParameterizedTest
    @MethodSource("codeSystems")
    void everyConceptPropertyIsDeclaredWithTheTypeOfItsValue(String id) {
        CodeSystem codeSystem = Artefacts.codeSystem(id);
        Map<String, PropertyType> declared = codeSystem.getProperty().stream()
                .collect(Collectors.toMap(PropertyComponent::getCode, PropertyComponent::getType));

        assertThat(Artefacts.concepts(codeSystem))
                .allSatisfy(concept -> assertThat(concept.getProperty()).allSatisfy(p -> {
                    assertThat(declared).as("declared properties").containsKey(p.getCode());
                    assertThat(p.getValue().fhirType())
                            .isEqualTo(declared.get(p.getCode()).toCode());
                }));
    }

    @Test
    void traffickingIndicatorsSitUnderEightNonSelectableCategories() {
        List<ConceptDefinitionComponent> categories =
                Artefacts.codeSystem(Canonicals.TRAFFICKING_INDICATOR).getConcept();

        assertThat(categories)
                .extracting(ConceptDefinitionComponent::getCode)
                .containsExactly(
                        "accompanied-or-controlled",
                        "presentation-and-physical-signs",
                        "living-and-working-conditions",
                        "documents-and-money",
                        "movement-and-isolation",
                        "debt-and-threats",
                        "sexual-exploitation",
                        "age-doubt");
        assertThat(categories).allSatisfy(category -> {
            assertThat(booleanProperty(category, "notSelectable"))
                    .as(category.getCode())
                    .isTrue();
            assertThat(category.getConcept())
                    .as("indicators under %s", category.getCode())
                    .isNotEmpty();
        });
    }

    @Test
    void everyIndicatorNamesItsSourceAndWhoObservesIt() {
        List<ConceptDefinitionComponent> indicators =
                Artefacts.codeSystem(Canonicals.TRAFFICKING_INDICATOR).getConcept().stream()
                        .flatMap(category -> category.getConcept().stream())
                        .toList();

        assertThat(indicators).hasSizeBetween(20, 30).allSatisfy(indicator -> {
            assertThat(indicator.getConcept())
                    .as("children of %s", indicator.getCode())
                    .isEmpty();
            assertThat(stringProperty(indicator, "source"))
                    .as("source of %s", indicator.getCode())
                    .isNotBlank();
            assertThat(stringProperty(indicator, "observedBy"))
                    .as("observedBy of %s", indicator.getCode())
                    .isIn("clinician", "patient");
        });
        assertThat(indicators).extracting(i -> stringProperty(i, "observedBy")).contains("clinician", "patient");
    }

    @Test
    void everyReferralPathwayHasAJurisdictionAndSaysWhetherItNeedsConsent() {
        List<ConceptDefinitionComponent> pathways =
                Artefacts.concepts(Artefacts.codeSystem(Canonicals.REFERRAL_PATHWAY));

        assertThat(pathways).hasSize(13).allSatisfy(pathway -> {
            assertThat(jurisdictions(pathway))
                    .as(pathway.getCode())
                    .isNotEmpty()
                    .isSubsetOf("UK", "NO");
            assertThat(Artefacts.property(pathway, "requiresConsent"))
                    .as(pathway.getCode())
                    .isPresent();
        });
        assertThat(pathways)
                .filteredOn(p -> booleanProperty(p, "requiresConsent"))
                .extracting(ConceptDefinitionComponent::getCode)
                .containsExactlyInAnyOrder(
                        "nrm-first-responder",
                        "modern-slavery-helpline",
                        "salvation-army-referral-helpline",
                        "rosa",
                        "police-no");
    }

    @Test
    void childAndEmergencyPathwaysNeverWaitForConsent() {
        CodeSystem pathways = Artefacts.codeSystem(Canonicals.REFERRAL_PATHWAY);

        assertThat(Set.of(
                        "child-protection",
                        "nspcc-ctac",
                        "barnevernet",
                        "police-emergency",
                        "police-emergency-no",
                        "duty-to-notify",
                        "duty-to-avert"))
                .allSatisfy(code -> assertThat(booleanProperty(concept(pathways, code), "requiresConsent"))
                        .as(code)
                        .isFalse());
    }

    @Test
    void everyBusinessStatusNamesTheTaskStatusItGoesWith() {
        CodeSystem statuses = Artefacts.codeSystem(Canonicals.REFERRAL_BUSINESS_STATUS);

        assertThat(Artefacts.concepts(statuses)).hasSize(10).allSatisfy(status -> {
            Coding taskStatus = (Coding)
                    Artefacts.property(status, "taskStatus").orElseThrow().getValue();
            assertThat(taskStatus.getSystem()).isEqualTo("http://hl7.org/fhir/task-status");
            assertThat(TaskStatus.fromCode(taskStatus.getCode())).isNotNull();
        });
    }

    @Test
    void everyExploitationTypeStatesItsUkAndNorwegianAlignment() {
        assertThat(Artefacts.concepts(Artefacts.codeSystem(Canonicals.EXPLOITATION_TYPE)))
                .extracting(ConceptDefinitionComponent::getCode)
                .containsExactly(
                        "sexual",
                        "labour",
                        "domestic-servitude",
                        "criminal",
                        "organ-removal",
                        "forced-marriage",
                        "other",
                        "unknown");
        assertThat(Artefacts.concepts(Artefacts.codeSystem(Canonicals.EXPLOITATION_TYPE)))
                .allSatisfy(type -> assertThat(type.getDefinition()).contains("UK:", "Norway:"));
    }

    @Test
    void securityPolicyCodesAreHtForTraffickingAndANeutralOneForWhatStaffMaySee() {
        assertThat(Artefacts.concepts(Artefacts.codeSystem(Canonicals.SAFEGUARDING_SECURITY_POLICY)))
                .extracting(ConceptDefinitionComponent::getCode)
                .containsExactly("HT", "SAFEGUARDING");
    }

    @Test
    void theLeadPathwayExistsInBothJurisdictionsAndNoOtherPathwayDoes() {
        assertThat(Artefacts.concepts(Artefacts.codeSystem(Canonicals.REFERRAL_PATHWAY)))
                .filteredOn(pathway -> jurisdictions(pathway).size() > 1)
                .extracting(ConceptDefinitionComponent::getCode)
                .containsExactly("designated-safeguarding-lead");
    }

    /** The values of a pathway's repeatable {@code jurisdiction} property. */
    static List<String> jurisdictions(ConceptDefinitionComponent pathway) {
        return pathway.getProperty().stream()
                .filter(property -> property.getCode().equals("jurisdiction"))
                .map(property -> property.getValue().primitiveValue())
                .toList();
    }

    static ConceptDefinitionComponent concept(CodeSystem codeSystem, String code) {
        return Artefacts.concepts(codeSystem).stream()
                .filter(c -> c.getCode().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no concept " + code + " in " + codeSystem.getUrl()));
    }

    static String stringProperty(ConceptDefinitionComponent concept, String code) {
        return Artefacts.property(concept, code)
                .map(p -> p.getValue().primitiveValue())
                .orElse(null);
    }

    static boolean booleanProperty(ConceptDefinitionComponent concept, String code) {
        return Artefacts.property(concept, code)
                .map(p -> p.getValueBooleanType().booleanValue())
                .orElseThrow(() -> new AssertionError(concept.getCode() + " has no property " + code));
    }
}
