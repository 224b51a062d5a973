package org.safeguardfhir.server.dashboard;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.deidentification.Deidentifier;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;

class PseudonymResolutionProviderTest {

    private static final String PSEUDONYM = "0123456789abcdef".repeat(4);

    @Test
    void aViewThatMakesNoPseudonymsHasNoneToResolve() {
        var provider = provider("  - {path: Task.status, method: keep}\n");

        assertThatThrownBy(() -> provider.resolve(new StringType(PSEUDONYM), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("makes no pseudonyms");
    }

    @Test
    void onlySixtyFourHexCharactersAloneOrAsAPatientReferenceArePseudonyms() {
        var provider = provider("  - {path: Task.for.reference, method: cryptoHash}\n");

        for (String malformed :
                new String[] {"", "Patient/123", PSEUDONYM.toUpperCase(), PSEUDONYM + "0", "Task/" + PSEUDONYM}) {
            assertThatThrownBy(() -> provider.resolve(new StringType(malformed), null))
                    .as(malformed)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("64 hexadecimal characters");
        }
        assertThatThrownBy(() -> provider.resolve(null, null)).isInstanceOf(InvalidRequestException.class);
    }

    private static PseudonymResolutionProvider provider(String rules) {
        String yaml = "version: 1\nname: view\nparameters:\n  cryptoHashKey: {env: KEY}\nrules:\n" + rules;
        var config = DeidentificationConfig.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        var engine = new Deidentifier(
                config, Map.of("KEY", "c2FmZWd1YXJkLWZoaXItdW5pdC10ZXN0LWtleS0zMmJ5dGVz")::get, Clock.systemUTC());
        return new PseudonymResolutionProvider(new PatientPseudonyms(null, engine), null);
    }
}
