package org.safeguardfhir.profiles.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Named;
import org.safeguardfhir.testfixtures.OfflineValidation;

/**
 * The conformance artefacts, examples and invalid fixtures, read from the source tree (the module directory is the
 * working directory of the tests), and an offline HAPI validator that knows all our artefacts. Nothing here reaches
 * the network.
 */
final class ConformanceArtefacts {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static final Path PROFILES = Path.of("src/main/resources/fhir");
    static final Path TERMINOLOGY = Path.of("../terminology/src/main/resources/fhir");
    static final Path EXAMPLES = PROFILES.resolve("examples");
    static final Path INVALID = Path.of("src/test/resources/fhir/invalid");
    static final Path VALIDATION_CASES = Path.of("src/test/resources/validation-cases.csv");

    private static ValidationSupportChain supportChain;
    private static FhirValidator validator;

    private ConformanceArtefacts() {}

    /** The {@code *.json} files directly in a directory, sorted by name. */
    static List<Path> jsonFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f ->
                            Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files named by file name, for parameterised tests. */
    static Stream<Named<Path>> named(List<Path> files) {
        return files.stream().map(f -> Named.of(f.getFileName().toString(), f));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses with HAPI's strict error handler, so unknown elements and invalid primitive values fail. */
    static IBaseResource parse(Path file) {
        try {
            return FHIR.newJsonParser()
                    .setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(read(file));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot parse " + file + " as FHIR R4: " + e.getMessage(), e);
        }
    }

    /** The conformance artefacts of this module: StructureDefinitions and Questionnaires. */
    static List<MetadataResource> artefacts() {
        return jsonFiles(PROFILES).stream()
                .map(f -> (MetadataResource) parse(f))
                .toList();
    }

    static List<StructureDefinition> profiles() {
        return artefacts().stream()
                .filter(StructureDefinition.class::isInstance)
                .map(StructureDefinition.class::cast)
                .toList();
    }

    /** Our terminology and artefacts on the tests' one offline stack ({@link OfflineValidation}). */
    static synchronized ValidationSupportChain supportChain() {
        if (supportChain == null) {
            List<IBaseResource> ours = new ArrayList<>();
            jsonFiles(TERMINOLOGY).forEach(f -> ours.add(parse(f)));
            ours.addAll(artefacts());
            supportChain = OfflineValidation.chain(FHIR, ours);
        }
        return supportChain;
    }

    /** Validates the file as it is written, against the base resource and every profile it declares. */
    static List<SingleValidationMessage> validate(Path file) {
        return validator().validateWithResult(read(file)).getMessages();
    }

    static String describe(List<SingleValidationMessage> messages) {
        return OfflineValidation.describe(messages);
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            validator = OfflineValidation.validator(FHIR, supportChain(), false);
        }
        return validator;
    }
}
