package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalsTest {

    @Test
    void buildsCanonicalsUnderTheBase() {
        assertThat(Canonicals.codeSystem("trafficking-indicator"))
                .isEqualTo("https://safeguardfhir.org/fhir/CodeSystem/trafficking-indicator");
        assertThat(Canonicals.valueSet("risk-level")).isEqualTo("https://safeguardfhir.org/fhir/ValueSet/risk-level");
        assertThat(Canonicals.conceptMap(Canonicals.EXPLOITATION_TYPE_TO_SNOMED))
                .isEqualTo("https://safeguardfhir.org/fhir/ConceptMap/exploitation-type-to-snomed");
    }

    @Test
    void rejectsIdsThatAreNotKebabCase() {
        assertThatIllegalArgumentException().isThrownBy(() -> Canonicals.valueSet("RiskLevel"));
        assertThatIllegalArgumentException().isThrownBy(() -> Canonicals.valueSet("risk level"));
    }

    @Test
    void idConstantsNameExactlyTheShippedArtefacts() {
        List<String> artefactIds = Artefacts.resources().stream()
                .map(r -> r.getIdPart())
                .distinct()
                .toList();

        assertThat(idConstants()).containsExactlyInAnyOrderElementsOf(artefactIds);
    }

    private static List<String> idConstants() {
        return Arrays.stream(Canonicals.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .filter(f -> !f.getName().equals("BASE"))
                .map(CanonicalsTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
