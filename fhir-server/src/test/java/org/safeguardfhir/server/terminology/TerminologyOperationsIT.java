package org.safeguardfhir.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.terminology.Canonicals;
import org.springframework.beans.factory.annotation.Autowired;

/** Terminology operations on our own content, answered by the server alone (no external terminology server). */
@FhirServerIntegrationTest
class TerminologyOperationsIT {

    static final String PATHWAYS = Canonicals.codeSystem("referral-pathway");
    static final String EXPLOITATION = Canonicals.codeSystem("exploitation-type");

    @Autowired
    IGenericClient client;

    @Test
    void expandsTheNorwegianPathwaysToTheirSixCodes() {
        var expansion = client.operation()
                .onType(ValueSet.class)
                .named("$expand")
                .withParameter(Parameters.class, "url", new UriType(Canonicals.valueSet("referral-pathway-no")))
                .returnResourceType(ValueSet.class)
                .execute();

        assertThat(expansion.getExpansion().getContains())
                .extracting(c -> c.getCode())
                .containsExactlyInAnyOrder(
                        "designated-safeguarding-lead",
                        "rosa",
                        "barnevernet",
                        "police-no",
                        "police-emergency-no",
                        "duty-to-avert");
    }

    @Test
    void validatesCodesAgainstAValueSet() {
        assertThat(validateCode("rosa", Canonicals.valueSet("referral-pathway-no")))
                .isTrue();
        assertThat(validateCode("duty-to-notify", Canonicals.valueSet("referral-pathway-no")))
                .isFalse();
    }

    @Test
    void looksUpTheDisplayOfACode() {
        var result = client.operation()
                .onType(CodeSystem.class)
                .named("$lookup")
                .withParameter(Parameters.class, "system", new UriType(EXPLOITATION))
                .andParameter("code", new CodeType("domestic-servitude"))
                .execute();

        assertThat(((StringType) result.getParameterValue("display")).getValue())
                .isNotBlank();
    }

    @Test
    void translatesSuspectedSexualExploitationOfAnAdultToIcd10Cm() {
        var result = client.operation()
                .onType(ConceptMap.class)
                .named("$translate")
                .withParameter(
                        Parameters.class, "url", new UriType(Canonicals.conceptMap("exploitation-type-to-icd10cm")))
                .andParameter("system", new UriType(EXPLOITATION))
                .andParameter("code", new CodeType("sexual"))
                .execute();

        assertThat(result.getParameterBool("result")).isTrue();
        assertThat(result.getParameter().stream()
                        .filter(p -> p.getName().equals("match"))
                        .flatMap(m -> m.getPart().stream())
                        .filter(p -> p.getName().equals("concept"))
                        .map(p -> ((org.hl7.fhir.r4.model.Coding) p.getValue()).getCode()))
                .contains("T76.51");
    }

    private boolean validateCode(String code, String valueSet) {
        var result = client.operation()
                .onType(ValueSet.class)
                .named("$validate-code")
                .withParameter(Parameters.class, "url", new UriType(valueSet))
                .andParameter("system", new UriType(PATHWAYS))
                .andParameter("code", new CodeType(code))
                .execute();
        return result.getParameterBool("result");
    }
}
