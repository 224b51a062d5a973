package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguardfhir.deidentification.Engines.engine;
import static org.safeguardfhir.deidentification.Engines.key;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.run;

import java.security.GeneralSecurityException;
import java.util.Base64;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.deidentification.method.Encryption;

class EncryptRuleTest {

    private final Encryption keyHolder = new Encryption(Base64.getDecoder().decode(key("encrypt")));

    @Test
    void encryptsToBase64OfIvCiphertextAndTagThatTheKeyHolderCanDecrypt() throws GeneralSecurityException {
        Task result = run(engine("{path: Task.description, method: encrypt}"), task());

        String ciphertext = result.getDescription();
        assertThat(Base64.getDecoder().decode(ciphertext)).hasSize(12 + "Amira Hoxha".length() + 16);
        assertThat(keyHolder.decrypt(ciphertext)).isEqualTo("Amira Hoxha");
        assertThat(labels(result)).containsExactly("MASKED");
    }

    @Test
    void usesAFreshIvForEveryValue() {
        Deidentifier engine = engine("{path: Task.description, method: encrypt}");

        assertThat(run(engine, task()).getDescription())
                .isNotEqualTo(run(engine, task()).getDescription());
    }

    @Test
    void ciphertextUnderAnotherKeyDoesNotDecrypt() {
        String ciphertext =
                run(engine("{path: Task.description, method: encrypt}"), task()).getDescription();
        Encryption other = new Encryption(Base64.getDecoder().decode(key("other")));

        assertThatThrownBy(() -> other.decrypt(ciphertext)).isInstanceOf(GeneralSecurityException.class);
    }

    private static Task task() {
        return new Task().setDescription("Amira Hoxha");
    }
}
