package org.safeguardfhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArtefactFilesTest {

    static Stream<Named<Path>> files() {
        return Artefacts.namedFiles();
    }

    static Stream<String> codeSystems() {
        return Artefacts.codeSystemIds();
    }

    @Test
    void holdsOnlyCodeSystemsValueSetsAndConceptMaps() {
        assertThat(Artefacts.files()).hasSize(41);
        assertThat(Artefacts.resources())
                .extracting(r -> r.fhirType())
                .containsOnly("CodeSystem", "ValueSet", "ConceptMap");
    }

    @ParameterizedTest
    @MethodSource("files")
    void declaresCanonicalMetadataMatchingItsFileName(Path file) {
        MetadataResource resource = Artefacts.parse(file);
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();

        assertThat(file.getFileName()).hasToString(type + "-" + id + ".json");
        assertThat(resource.getUrl()).isEqualTo(Canonicals.of(type, id));
        assertThat(resource.getVersion()).isEqualTo("0.1.0");
        assertThat(resource.getName()).matches("[A-Z][A-Za-z0-9]*");
        assertThat(resource.getTitle()).isNotBlank();
        assertThat(resource.getStatus()).isIn(PublicationStatus.ACTIVE, PublicationStatus.DRAFT);
        assertThat(resource.getDateElement().getValueAsString()).isEqualTo("2026-11-22");
        assertThat(resource.getPublisher()).isEqualTo("Safeguard FHIR");
        assertThat(resource.getDescription()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("files")
    void isIndentedWithFourSpacesAndEndsWithANewline(Path file) {
        String json = Artefacts.read(file);

        assertThat(json).endsWith("}\n").doesNotContain("\t", "\r");
        assertThat(json.lines()).allSatisfy(line -> assertThat(leadingSpaces(line) % 4)
                .as("indentation of: %s", line)
                .isZero());
    }

    @ParameterizedTest
    @MethodSource("codeSystems")
    void codeSystemIsCompleteCaseSensitiveWithUniqueCodes(String id) {
        CodeSystem codeSystem = Artefacts.codeSystem(id);
        List<String> codes =
                Artefacts.concepts(codeSystem).stream().map(c -> c.getCode()).toList();

        assertThat(codeSystem.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
        assertThat(codeSystem.getCaseSensitive()).isTrue();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(codeSystem.getCount()).isEqualTo(codes.size());
    }

    @ParameterizedTest
    @MethodSource("codeSystems")
    void codeSystemHasAValueSetOfTheSameIdIncludingTheWholeSystem(String id) {
        CodeSystem codeSystem = Artefacts.codeSystem(id);
        ValueSet valueSet = Artefacts.valueSet(id);

        assertThat(codeSystem.getValueSet()).isEqualTo(Canonicals.valueSet(id));
        assertThat(valueSet.getCompose().getInclude()).singleElement().satisfies(include -> {
            assertThat(include.getSystem()).isEqualTo(codeSystem.getUrl());
            assertThat(include.getConcept()).isEmpty();
            assertThat(include.getFilter()).isEmpty();
        });
        assertThat(valueSet.getCompose().getExclude()).isEmpty();
    }

    private static int leadingSpaces(String line) {
        int count = 0;
        while (count < line.length() && line.charAt(count) == ' ') {
            count++;
        }
        return count;
    }
}
