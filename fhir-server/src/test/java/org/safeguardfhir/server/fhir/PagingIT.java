package org.safeguardfhir.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.HashSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@FhirServerIntegrationTest
class PagingIT {

    @Autowired
    IGenericClient client;

    @Test
    void walksEveryMatchOnceThroughNextLinks() {
        String family = "Paging" + UUID.randomUUID().toString().replace("-", "");
        var batch = new Bundle().setType(Bundle.BundleType.BATCH);
        for (int i = 0; i < 25; i++) {
            var patient = new Patient();
            patient.addName().setFamily(family).addGiven("P" + i);
            batch.addEntry()
                    .setResource(patient)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Patient");
        }
        client.transaction().withBundle(batch).execute();

        var page = client.search()
                .forResource(Patient.class)
                .where(Patient.FAMILY.matchesExactly().value(family))
                .count(10)
                .returnBundle(Bundle.class)
                .execute();

        var ids = new HashSet<String>();
        int pages = 0;
        while (page != null) {
            pages++;
            assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(10);
            page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
            page = page.getLink(Bundle.LINK_NEXT) == null
                    ? null
                    : client.loadPage().next(page).execute();
        }

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(25);
    }

    @Test
    void refusesAccurateTotalsWith400SinceNoCountCanBeCheckedResourceByResource() {
        assertThatThrownBy(() -> client.search()
                        .forResource(Patient.class)
                        .totalMode(ca.uhn.fhir.rest.api.SearchTotalModeEnum.ACCURATE)
                        .returnBundle(Bundle.class)
                        .execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("_total=accurate");
    }

    @Test
    void capsThePageSizeAtTheConfiguredMaximum() {
        var page = client.search()
                .forResource(Patient.class)
                .count(100_000)
                .summaryMode(SummaryEnum.TRUE)
                .returnBundle(Bundle.class)
                .execute();

        assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(200);
    }
}
