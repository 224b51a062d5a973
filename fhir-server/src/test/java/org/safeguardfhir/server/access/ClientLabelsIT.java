package org.safeguardfhir.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class ClientLabelsIT {

    @LocalServerPort
    int port;

    private IGenericClient client;

    @BeforeEach
    void client() {
        client = FhirClients.forPort(port);
    }

    private static Observation disclosure() {
        var observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().setText("Disclosure noted");
        return observation;
    }

    /** HAPI carries labels into the next version; this guards that, and that $meta-delete cannot remove one. */
    @Test
    void anUpdateWithoutLabelsKeepsTheLabelsOfTheStoredVersionAndMetaDeleteIsRefused() {
        var observation = disclosure();
        observation.getMeta().addSecurity(RestrictedLabels.CONFIDENTIALITY, "R", null);
        String id = client.create().resource(observation).execute().getId().getIdPart();

        // As an EHR round-tripping the record without its meta would send it.
        var update = disclosure().setStatus(Observation.ObservationStatus.AMENDED);
        update.setId(id);
        client.update().resource(update).execute();

        var stored = client.read().resource(Observation.class).withId(id).execute();
        assertThat(stored.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
        assertThat(stored.getMeta().getSecurity(RestrictedLabels.CONFIDENTIALITY, "R"))
                .as("the restriction survives an update that left it out")
                .isNotNull();
        assertThat(RestrictedLabels.restricted(stored)).isTrue();

        var restriction = new Meta();
        restriction.addSecurity(RestrictedLabels.CONFIDENTIALITY, "R", null);
        assertThatThrownBy(() -> client.meta()
                        .delete()
                        .onResource(new IdType("Observation", id))
                        .meta(restriction)
                        .execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(RestrictedLabels.restricted(
                        client.read().resource(Observation.class).withId(id).execute()))
                .isTrue();
    }

    @Test
    void aLabelTheServerDoesNotKnowIsRefusedNamingItAndNothingIsStored() {
        String family = "Unlabelled-" + System.nanoTime();
        var patient = new Patient();
        patient.addName().setFamily(family);
        patient.getMeta().addSecurity(new Coding("https://hostile.example/labels", "public", null));

        assertThatThrownBy(() -> client.create().resource(patient).execute())
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("meta.security[0]");
        assertThat(client.search()
                        .forResource(Patient.class)
                        .where(Patient.FAMILY.matchesExactly().value(family))
                        .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                        .execute()
                        .getEntry())
                .isEmpty();
    }

    @Test
    void theServerSetsVersionAndLastUpdatedWhateverTheClientSends() {
        Instant before = Instant.now().minusSeconds(1);
        var patient = new Patient();
        patient.getMeta().setVersionId("99").setLastUpdated(Date.from(Instant.parse("2001-01-01T00:00:00Z")));

        String id = client.create().resource(patient).execute().getId().getIdPart();

        var stored = client.read().resource(Patient.class).withId(id).execute();
        assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
        assertThat(stored.getMeta().getLastUpdated().toInstant()).isAfter(before);
    }
}
