package org.safeguardfhir.deidentification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;

/**
 * A realistic case, one resource per file under {@code fixtures/deidentification}: a possible victim, the man who
 * claims to be her husband, her GP, the receiving hub, and the referral records about her.
 */
final class Fixtures {

    static final String PATIENT_REFERENCE = "Patient/pat-amira-7731";

    /**
     * Every value in the fixtures that identifies, locates or could help find a person. The Task's id (4711) is not
     * among them: Safeguard FHIR assigns Task ids itself and refuses names chosen by clients, so a Task id names no
     * one, and the dashboard keeps it.
     */
    static final List<String> IDENTIFYING = List.of(
            "Amira",
            "Hoxha",
            "Mira Kola",
            "Kelmendi",
            "Besnik",
            "Quinn",
            "Sarah",
            "9434765919",
            "943 476 5919",
            "MRN-448812",
            "NRM-2026-55501",
            "REF-2026-000123",
            "7012345",
            "Y12345",
            "07700 900123",
            "07700 900456",
            "07700 900999",
            "0161 555 0100",
            "amira.hoxha@example.com",
            "s.quinn@nhs.example",
            "Canal Street",
            "Flat 3",
            "Manchester",
            "M1 3HE",
            "Mill Lane",
            "Bolton",
            "BL1 1AA",
            "Hub Road",
            "Salford",
            "M5 4WT",
            "Oldham Road",
            "1994-03-17",
            "1994",
            "1981-11-02",
            "2026-05-14T09:12:00Z",
            "2026-05-14",
            "aGVhZHNob3Qtb2YtYW1pcmE=",
            "passport",
            "Nail bar",
            "Albanian",
            "pat-amira-7731",
            "rp-besnik-19",
            "prac-quinn-55",
            "qr-raft-8812",
            "obs-score-441",
            "cond-ht-3321",
            "flag-safe-17");

    static final List<String> FILES = List.of(
            "Patient-amira.json",
            "RelatedPerson-besnik.json",
            "Practitioner-quinn.json",
            "Organization-hub.json",
            "Task-referral.json",
            "QuestionnaireResponse-raft.json",
            "Observation-score.json",
            "Condition-concern.json",
            "Flag-safety.json");

    private Fixtures() {}

    static Resource resource(String file) {
        return (Resource) Engines.parse(text("/fixtures/deidentification/" + file));
    }

    static <T extends Resource> T resource(String file, Class<T> type) {
        return type.cast(resource(file));
    }

    static DeidentificationConfig shipped(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/deidentification/" + name + ".yaml")) {
            return DeidentificationConfig.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one fixture through the engine and finds none of the identifying values in the output, in any case. */
    static void assertNoIdentifyingValueSurvives(Deidentifier engine, String file) {
        Resource input = resource(file);
        // Organizations and practitioners belong to no patient; everything else to the fixtures' one patient.
        String scope = input instanceof org.hl7.fhir.r4.model.Organization || file.startsWith("Practitioner")
                ? null
                : PATIENT_REFERENCE;
        String output = Engines.json(engine.deidentify(input, scope)).toLowerCase(java.util.Locale.ROOT);

        org.assertj.core.api.Assertions.assertThat(IDENTIFYING)
                .allSatisfy(value -> org.assertj.core.api.Assertions.assertThat(output)
                        .doesNotContain(value.toLowerCase(java.util.Locale.ROOT)));
    }
}
