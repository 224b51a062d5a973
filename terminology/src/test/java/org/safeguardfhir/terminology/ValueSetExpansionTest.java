package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.IValidationSupport.ValueSetExpansionOutcome;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ValueSet expands with HAPI's in-memory terminology support alone, to exactly the codes it should hold. */
class ValueSetExpansionTest {

    static Stream<String> valueSets() {
        return Artefacts.valueSets().stream().map(ValueSet::getIdPart);
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void expandsInMemoryToTheCodesItsComposeNames(String id) {
        ValueSet valueSet = Artefacts.valueSet(id);

        List<ValueSetExpansionContainsComponent> expansion = expand(valueSet);

        assertThat(expansion).isNotEmpty().allSatisfy(c -> assertThat(c.getSystem())
                .isEqualTo(valueSet.getCompose().getIncludeFirstRep().getSystem()));
        assertThat(expansion)
                .extracting(ValueSetExpansionContainsComponent::getCode)
                .containsExactlyInAnyOrderElementsOf(composedCodes(valueSet));
    }

    private static final Set<String> EXTERNAL_SYSTEMS = Set.of("urn:ietf:bcp:47");

    @ParameterizedTest
    @MethodSource("valueSets")
    void listedConceptsCarryTheDisplayOfTheirCodeSystem(String id) {
        for (ConceptSetComponent include : Artefacts.valueSet(id).getCompose().getInclude()) {
            if (EXTERNAL_SYSTEMS.contains(include.getSystem())) {
                // Not ours to ship; ArtefactValidationTest checks those codes against HAPI's own support.
                continue;
            }
            CodeSystem codeSystem =
                    Artefacts.findCodeSystemByUrl(include.getSystem()).orElseThrow();
            assertThat(include.getConcept()).allSatisfy(listed -> assertThat(listed.getDisplay())
                    .isEqualTo(CodeSystemContentTest.concept(codeSystem, listed.getCode())
                            .getDisplay()));
        }
    }

    @Test
    void ukPathwaysAreExactlyTheEightWithJurisdictionUk() {
        assertThat(codes(Canonicals.REFERRAL_PATHWAY_UK))
                .hasSize(8)
                .containsExactlyInAnyOrderElementsOf(pathwaysWithJurisdiction("UK"));
    }

    @Test
    void norwegianPathwaysAreExactlyTheSixWithJurisdictionNo() {
        assertThat(codes(Canonicals.REFERRAL_PATHWAY_NO))
                .containsExactlyInAnyOrder(
                        "designated-safeguarding-lead",
                        "rosa",
                        "barnevernet",
                        "police-no",
                        "police-emergency-no",
                        "duty-to-avert")
                .containsExactlyInAnyOrderElementsOf(pathwaysWithJurisdiction("NO"));
    }

    @Test
    void indicatorValueSetHoldsCategoriesAndIndicators() {
        assertThat(codes(Canonicals.TRAFFICKING_INDICATOR))
                .hasSize(Artefacts.concepts(Artefacts.codeSystem(Canonicals.TRAFFICKING_INDICATOR))
                        .size())
                .contains("age-doubt", "companion-offers-to-interpret");
    }

    private static List<String> codes(String valueSetId) {
        return expand(Artefacts.valueSet(valueSetId)).stream()
                .map(ValueSetExpansionContainsComponent::getCode)
                .toList();
    }

    private static List<ValueSetExpansionContainsComponent> expand(ValueSet valueSet) {
        ValidationSupportChain chain = Artefacts.supportChain();
        ValueSetExpansionOutcome outcome =
                chain.expandValueSet(new ValidationSupportContext(chain), new ValueSetExpansionOptions(), valueSet);

        assertThat(outcome).as("expansion of %s", valueSet.getUrl()).isNotNull();
        assertThat(outcome.getError())
                .as("expansion error for %s", valueSet.getUrl())
                .isNull();
        return ((ValueSet) outcome.getValueSet()).getExpansion().getContains();
    }

    /** The codes the compose names: listed concepts, or every concept of a wholly included code system. */
    private static List<String> composedCodes(ValueSet valueSet) {
        return valueSet.getCompose().getInclude().stream()
                .flatMap(ValueSetExpansionTest::composedCodes)
                .toList();
    }

    private static Stream<String> composedCodes(ConceptSetComponent include) {
        assertThat(include.getFilter())
                .as("filters (not expanded in memory by HAPI)")
                .isEmpty();
        if (include.hasConcept()) {
            return include.getConcept().stream().map(ValueSet.ConceptReferenceComponent::getCode);
        }
        CodeSystem codeSystem =
                Artefacts.findCodeSystemByUrl(include.getSystem()).orElseThrow();
        return Artefacts.concepts(codeSystem).stream().map(ConceptDefinitionComponent::getCode);
    }

    private static List<String> pathwaysWithJurisdiction(String jurisdiction) {
        return Artefacts.concepts(Artefacts.codeSystem(Canonicals.REFERRAL_PATHWAY)).stream()
                .filter(p -> CodeSystemContentTest.jurisdictions(p).contains(jurisdiction))
                .map(ConceptDefinitionComponent::getCode)
                .toList();
    }
}
