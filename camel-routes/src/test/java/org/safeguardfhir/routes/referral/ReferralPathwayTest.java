package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguardfhir.routes.screening.CodeSystemFile;
import org.safeguardfhir.terminology.Canonicals;

class ReferralPathwayTest {

    /** A pathway as the shipped CodeSystem file defines it. */
    private record Defined(String code, String display, boolean requiresConsent) {}

    @Test
    void enumMatchesTheShippedCodeSystemExactlyAndInOrder() {
        CodeSystem file = CodeSystemFile.read(Canonicals.REFERRAL_PATHWAY);
        List<Defined> defined = file.getConcept().stream()
                .map(concept -> new Defined(concept.getCode(), concept.getDisplay(), requiresConsent(concept)))
                .toList();

        assertThat(file.getUrl()).isEqualTo(Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY));
        assertThat(Arrays.stream(ReferralPathway.values())
                        .map(p -> new Defined(p.code(), p.display(), p.requiresConsent())))
                .containsExactlyElementsOf(defined);
    }

    @ParameterizedTest
    @EnumSource(ReferralPathway.class)
    void fromCodeFindsEveryPathwayByItsCode(ReferralPathway pathway) {
        assertThat(ReferralPathway.fromCode(pathway.code())).contains(pathway);
    }

    @Test
    void fromCodeOfAnUnknownCodeIsEmpty() {
        assertThat(ReferralPathway.fromCode("police")).isEmpty();
        assertThat(ReferralPathway.fromCode(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void everyPathwayPlannableInAJurisdictionBelongsToItInTheCodeSystem(Jurisdiction jurisdiction) {
        CodeSystem file = CodeSystemFile.read(Canonicals.REFERRAL_PATHWAY);
        String code = jurisdiction == Jurisdiction.NORWAY ? "NO" : "UK";

        assertThat(ReferralPlanner.plannable(jurisdiction)).allSatisfy(pathway -> assertThat(file.getConcept().stream()
                        .filter(concept -> concept.getCode().equals(pathway.code()))
                        .flatMap(concept -> concept.getProperty().stream())
                        .filter(p -> p.getCode().equals("jurisdiction"))
                        .map(p -> p.getValue().primitiveValue()))
                .as(pathway.code())
                .contains(code));
    }

    @Test
    void flagEnumMatchesTheShippedCodeSystemExactlyAndInOrder() {
        CodeSystem file = CodeSystemFile.read(Canonicals.SAFEGUARDING_FLAG);

        assertThat(Arrays.stream(SafeguardingFlag.values()).map(f -> f.code() + "|" + f.display()))
                .containsExactlyElementsOf(file.getConcept().stream()
                        .map(c -> c.getCode() + "|" + c.getDisplay())
                        .toList());
    }

    private static boolean requiresConsent(ConceptDefinitionComponent concept) {
        List<ConceptPropertyComponent> properties = concept.getProperty().stream()
                .filter(p -> p.getCode().equals("requiresConsent"))
                .toList();
        assertThat(properties).as(concept.getCode()).hasSize(1);
        return properties.get(0).getValueBooleanType().booleanValue();
    }
}
