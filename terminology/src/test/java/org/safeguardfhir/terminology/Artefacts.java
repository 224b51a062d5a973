package org.safeguardfhir.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Named;
import org.safeguardfhir.testfixtures.OfflineValidation;

/**
 * The artefacts under {@code src/main/resources/fhir}, read from the test classpath and parsed strictly as FHIR R4,
 * plus the in-memory validation support chain the tests share. Nothing here reaches the network.
 */
final class Artefacts {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private static final Path DIRECTORY = directory();
    private static final List<Path> FILES = listFiles();
    private static final List<MetadataResource> RESOURCES =
            FILES.stream().map(Artefacts::parse).toList();
    private static ValidationSupportChain supportChain;

    private Artefacts() {}

    static List<Path> files() {
        return FILES;
    }

    /** The artefact files, named by file name, for parameterised tests. */
    static Stream<Named<Path>> namedFiles() {
        return FILES.stream().map(f -> Named.of(f.getFileName().toString(), f));
    }

    /** The ids of our code systems, for parameterised tests. */
    static Stream<String> codeSystemIds() {
        return codeSystems().stream().map(CodeSystem::getIdPart);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses with HAPI's strict error handler, so unknown elements and invalid primitive values fail. */
    static MetadataResource parse(Path file) {
        try {
            return (MetadataResource) FHIR.newJsonParser()
                    .setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(read(file));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot parse " + file.getFileName() + " as FHIR R4: " + e.getMessage(), e);
        }
    }

    static List<MetadataResource> resources() {
        return RESOURCES;
    }

    static List<CodeSystem> codeSystems() {
        return ofType(CodeSystem.class);
    }

    static List<ValueSet> valueSets() {
        return ofType(ValueSet.class);
    }

    static List<ConceptMap> conceptMaps() {
        return ofType(ConceptMap.class);
    }

    static CodeSystem codeSystem(String id) {
        return findCodeSystemByUrl(Canonicals.codeSystem(id)).orElseThrow();
    }

    static ValueSet valueSet(String id) {
        return valueSets().stream()
                .filter(vs -> vs.getIdPart().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static Optional<CodeSystem> findCodeSystemByUrl(String url) {
        return codeSystems().stream().filter(cs -> cs.getUrl().equals(url)).findFirst();
    }

    /** All concepts of a code system, depth first, including those nested under a parent concept. */
    static List<ConceptDefinitionComponent> concepts(CodeSystem codeSystem) {
        List<ConceptDefinitionComponent> all = new ArrayList<>();
        addConcepts(codeSystem.getConcept(), all);
        return all;
    }

    static Optional<ConceptPropertyComponent> property(ConceptDefinitionComponent concept, String code) {
        return concept.getProperty().stream()
                .filter(p -> p.getCode().equals(code))
                .findFirst();
    }

    /** Base R4, our artefacts, HAPI's in-memory terminology: the tests' one offline stack ({@link OfflineValidation}). */
    static synchronized ValidationSupportChain supportChain() {
        if (supportChain == null) {
            supportChain = OfflineValidation.chain(FHIR, RESOURCES);
        }
        return supportChain;
    }

    private static void addConcepts(List<ConceptDefinitionComponent> concepts, List<ConceptDefinitionComponent> all) {
        for (ConceptDefinitionComponent concept : concepts) {
            all.add(concept);
            addConcepts(concept.getConcept(), all);
        }
    }

    private static <T extends MetadataResource> List<T> ofType(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Path directory() {
        try {
            return Path.of(Artefacts.class.getResource("/fhir").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> listFiles() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
