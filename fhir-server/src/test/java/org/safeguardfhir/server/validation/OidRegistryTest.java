package org.safeguardfhir.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.utilities.OIDUtilities;
import org.junit.jupiter.api.Test;

/**
 * HAPI builds a new instance validator for every validation, and each one parses {@code oidregistry.csv} from the
 * class path (21,000 lines in org.hl7.fhir.utilities): a quarter of the server's CPU at 20 screenings a second. The
 * validator only consults it to accept {@code urn:oid:} URIs as resolvable, so the server ships its own short
 * registry of the code systems it meets, which the class path finds first.
 */
class OidRegistryTest {

    @Test
    void theServersOwnRegistryIsTheOneTheValidatorLoads() {
        var registry = getClass().getClassLoader().getResource("oidregistry.csv");

        assertThat(registry).isNotNull();
        assertThat(registry.toString()).doesNotContain("org.hl7.fhir.utilities");
    }

    @Test
    void knowsTheCodeSystemsTheServerMeetsAndNothingElse() {
        var oids = new OIDUtilities();

        assertThat(oids.isKnownOID("urn:oid:2.16.840.1.113883.6.96"))
                .as("SNOMED CT")
                .isTrue();
        assertThat(oids.isKnownOID("urn:oid:2.16.840.1.113883.6.1")).as("LOINC").isTrue();
        assertThat(oids.isKnownOID("urn:oid:2.16.840.1.113883.6.90"))
                .as("ICD-10-CM")
                .isTrue();
        assertThat(oids.isKnownOID("urn:oid:2.16.840.1.113883.6.12"))
                .as("CPT-4, listed only in the library's registry")
                .isFalse();
    }
}
