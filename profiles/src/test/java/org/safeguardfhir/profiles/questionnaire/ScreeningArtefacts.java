package org.safeguardfhir.profiles.questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Named;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.profiles.ScreeningInstrument;

/**
 * The two screening Questionnaires, their example responses and our terminology, read from the source tree (the
 * module directory is the working directory of the tests).
 */
final class ScreeningArtefacts {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static final String ADULT = ConformancePackage.questionnaire("trafficking-screening-adult");
    static final String CHILD = ConformancePackage.questionnaire("trafficking-screening-child");

    private static final Path PROFILES = Path.of("src/main/resources/fhir");
    private static final Path TERMINOLOGY = Path.of("../terminology/src/main/resources/fhir");
    private static final Path EXAMPLES = PROFILES.resolve("examples");

    private static final List<Questionnaire> QUESTIONNAIRES = Stream.of(ScreeningInstrument.values())
            .map(instrument -> questionnaireFile(instrument.id()))
            .toList();
    private static final List<Questionnaire> VARIANTS = Stream.of(ScreeningInstrument.values())
            .flatMap(instrument -> ScreeningInstrument.LANGUAGES.stream().map(instrument::variantId))
            .map(ScreeningArtefacts::questionnaireFile)
            .toList();
    private static final List<CodeSystem> CODE_SYSTEMS = jsonFiles(TERMINOLOGY).stream()
            .map(ScreeningArtefacts::parse)
            .filter(CodeSystem.class::isInstance)
            .map(CodeSystem.class::cast)
            .toList();

    private ScreeningArtefacts() {}

    /** The source Questionnaire of each instrument, which the language variants are made from. */
    static List<Questionnaire> questionnaires() {
        return QUESTIONNAIRES;
    }

    /** Every language variant of every instrument, the sources among them. */
    static List<Questionnaire> variants() {
        return VARIANTS;
    }

    static Stream<Named<Questionnaire>> namedVariants() {
        return variants().stream().map(q -> Named.of(q.getIdPart(), q));
    }

    static Path questionnairePath(String id) {
        return PROFILES.resolve("Questionnaire-" + id + ".json");
    }

    private static Questionnaire questionnaireFile(String id) {
        return (Questionnaire) parse(questionnairePath(id));
    }

    static Stream<Named<Questionnaire>> namedQuestionnaires() {
        return questionnaires().stream().map(q -> Named.of(q.getIdPart(), q));
    }

    /** One of our Questionnaires by its canonical, with or without {@code |version}. */
    static Questionnaire questionnaire(String canonical) {
        String url = canonical.split("\\|")[0];
        return variants().stream()
                .filter(q -> q.getUrl().equals(url))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no questionnaire " + url));
    }

    /** The Questionnaire a response answers. */
    static Questionnaire questionnaireOf(QuestionnaireResponse response) {
        return questionnaire(response.getQuestionnaire());
    }

    static List<Path> responseFiles() {
        return jsonFiles(EXAMPLES).stream()
                .filter(f -> f.getFileName().toString().startsWith("QuestionnaireResponse-"))
                .toList();
    }

    static Stream<Named<Path>> namedResponseFiles() {
        return responseFiles().stream().map(f -> Named.of(f.getFileName().toString(), f));
    }

    static QuestionnaireResponse response(String id) {
        return (QuestionnaireResponse) parse(EXAMPLES.resolve("QuestionnaireResponse-" + id + ".json"));
    }

    static List<CodeSystem> codeSystems() {
        return CODE_SYSTEMS;
    }

    /** A concept of one of our code systems, looked up by system URL and code, at any depth. */
    static Optional<ConceptDefinitionComponent> concept(String system, String code) {
        return codeSystems().stream()
                .filter(cs -> cs.getUrl().equals(system))
                .flatMap(cs -> concepts(cs.getConcept()))
                .filter(c -> c.getCode().equals(code))
                .findFirst();
    }

    /** Every item of a Questionnaire, depth first, in document order. */
    static List<QuestionnaireItemComponent> items(Questionnaire questionnaire) {
        List<QuestionnaireItemComponent> all = new ArrayList<>();
        addItems(questionnaire.getItem(), all);
        return all;
    }

    static IBaseResource parse(Path file) {
        try {
            return FHIR.newJsonParser()
                    .setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addItems(List<QuestionnaireItemComponent> items, List<QuestionnaireItemComponent> all) {
        for (QuestionnaireItemComponent item : items) {
            all.add(item);
            addItems(item.getItem(), all);
        }
    }

    private static Stream<ConceptDefinitionComponent> concepts(List<ConceptDefinitionComponent> concepts) {
        return concepts.stream().flatMap(c -> Stream.concat(Stream.of(c), concepts(c.getConcept())));
    }

    /** Our CodeSystems, ValueSets and ConceptMaps, and this module's StructureDefinitions, for a validation chain. */
    static List<IBaseResource> terminologyAndProfiles() {
        Stream<Path> profiles = jsonFiles(PROFILES).stream()
                .filter(f -> f.getFileName().toString().startsWith("StructureDefinition-"));
        return Stream.concat(jsonFiles(TERMINOLOGY).stream(), profiles)
                .map(ScreeningArtefacts::parse)
                .toList();
    }

    private static List<Path> jsonFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f ->
                            Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
