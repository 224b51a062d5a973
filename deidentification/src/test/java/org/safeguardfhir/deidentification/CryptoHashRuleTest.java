package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.CLOCK;
import static org.safeguardfhir.deidentification.Engines.config;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.json;
import static org.safeguardfhir.deidentification.Engines.key;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.run;

import java.util.Map;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.deidentification.method.CryptoHash;

class CryptoHashRuleTest {

    private static final String HEX_64 = "[0-9a-f]{64}";

    private final CryptoHash hash = new CryptoHash(java.util.Base64.getDecoder().decode(key("hash")));

    @Test
    void hashesAReferenceAsTypeAndIdKeepingTheType() {
        Task task = new Task().setFor(new Reference("Patient/123"));

        Task result = run(engine("{path: Task.for, method: cryptoHash}"), task);

        assertThat(result.getFor().getReference()).isEqualTo("Patient/" + hash.hex("Patient/123"));
        assertThat(labels(result)).containsExactly("PSEUDED");
    }

    @Test
    void dropsBaseUrlAndVersionOfAReferenceBeforeHashing() {
        Task task = new Task().setFor(new Reference("https://fhir.example.org/fhir/Patient/123/_history/7"));

        Task result = run(engine("{path: Task.for.reference, method: cryptoHash}"), task);

        assertThat(result.getFor().getReference()).isEqualTo("Patient/" + hash.hex("Patient/123"));
    }

    @Test
    void hashesTheResourceIdAsTypeAndIdSoItMatchesHashedReferences() {
        Patient patient = (Patient) new Patient().setId("123");
        Task task = new Task().setFor(new Reference("Patient/123"));
        Deidentifier engine = engine("{path: Patient.id, method: cryptoHash}", "{path: Task.for, method: cryptoHash}");

        Patient pseudonymous = run(engine, patient);

        assertThat(pseudonymous.getIdElement().getIdPart()).matches(HEX_64);
        assertThat(run(engine, task).getFor().getReference())
                .isEqualTo("Patient/" + pseudonymous.getIdElement().getIdPart());
    }

    @Test
    void hashesIdentifierValuesAsPlainText() {
        Patient patient = new Patient()
                .addIdentifier(new Identifier()
                        .setSystem("https://fhir.nhs.uk/Id/nhs-number")
                        .setValue("9434765919"));

        Patient result = run(
                engine(
                        "{path: Patient.identifier.system, method: keep}",
                        "{path: Patient.identifier, method: cryptoHash}"),
                patient);

        assertThat(result.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(result.getIdentifierFirstRep().getValue()).isEqualTo(hash.hex("9434765919"));
    }

    @Test
    void hashesEveryTextValueInsideACoveredNode() {
        Task task = new Task().setFor(new Reference("Patient/123").setDisplay("Amira Hoxha"));

        Task result = run(engine("{path: Task.for, method: cryptoHash}"), task);

        assertThat(result.getFor().getDisplay()).isEqualTo(hash.hex("Amira Hoxha"));
        assertThat(json(result)).doesNotContain("Amira", "123\"");
    }

    @Test
    void pseudonymsAreStableForOneKey() {
        Deidentifier first = engine("{path: Task.for, method: cryptoHash}");
        Deidentifier second = engine("{path: Task.for, method: cryptoHash}");
        Task task = new Task().setFor(new Reference("Patient/123"));

        assertThat(run(first, task).getFor().getReference())
                .isEqualTo(run(second, task).getFor().getReference())
                .isEqualTo(run(first, task).getFor().getReference());
    }

    @Test
    void pseudonymsDifferUnderAnotherKey() {
        Task task = new Task().setFor(new Reference("Patient/123"));
        Deidentifier ours = engine("{path: Task.for, method: cryptoHash}");
        Deidentifier theirs = new Deidentifier(
                config("{path: Task.for, method: cryptoHash}"),
                Map.of("HASH_KEY", key("another hash key"))::get,
                CLOCK);

        assertThat(run(ours, task).getFor().getReference())
                .isNotEqualTo(run(theirs, task).getFor().getReference());
    }

    @Test
    void removesValuesThatCannotHoldAHash() {
        Patient patient = new Patient().setActive(true);
        patient.getGenderElement().setValueAsString("female");

        Patient result = run(engine("{path: Patient, method: cryptoHash}"), patient);

        assertThat(result.hasActive()).isFalse();
        assertThat(result.hasGender()).isFalse();
        assertThat(labels(result)).containsExactlyInAnyOrder("REDACTED");
    }
}
