package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.PackageExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox row and the screening response it announces are written by one database transaction. */
@FhirServerIntegrationTest
class ScreeningOutboxIT {

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    ScreeningOutbox outbox;

    Screenings screenings;

    @BeforeEach
    void pauseTheScheduler() {
        screenings = new Screenings(client, jdbc);
        scheduler.pause();
    }

    @AfterEach
    void resumeTheScheduler() {
        scheduler.resume();
    }

    @Test
    void outboxRowIsInsertedByTheTransactionThatStoresTheResponse() {
        String id = screenings.submit(screenings.example("adult-screening-positive", screenings.patient(null)));

        String responseTransaction = jdbc.queryForObject(
                "SELECT v.xmin::text FROM hfj_res_ver v JOIN hfj_resource r ON r.res_id = v.res_id"
                        + " WHERE r.res_type = 'QuestionnaireResponse' AND r.fhir_id = ? AND v.res_ver = 1",
                String.class,
                id);
        String outboxTransaction = jdbc.queryForObject(
                "SELECT xmin::text FROM safeguard.scheduled_tasks WHERE task_name = ?"
                        + " AND convert_from(task_data, 'UTF8') LIKE ?",
                String.class,
                ScreeningOutbox.KIND,
                "QuestionnaireResponse/" + id + "/_history/1 %");
        assertThat(outboxTransaction).isEqualTo(responseTransaction);
    }

    @Test
    void rejectedTransactionLeavesNeitherResponseNorOutboxRow() {
        long before = outbox.pending();
        var patient = screenings.patient("1990-01-01");
        var response = screenings.example("adult-screening-positive", patient);
        var revealing =
                PackageExamples.example(Flag.class, "safeguarding-concern").copy();
        revealing.setId((String) null);
        revealing.setSubject(patient.copy());
        revealing.getCode().setText("Suspected trafficking victim");
        var transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction
                .addEntry()
                .setResource(response)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("QuestionnaireResponse");
        transaction
                .addEntry()
                .setResource(revealing)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Flag");

        assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
                .isInstanceOf(UnprocessableEntityException.class);

        assertThat(screenings.search(
                        org.hl7.fhir.r4.model.QuestionnaireResponse.class,
                        "identifier=" + response.getIdentifier().getSystem() + "|"
                                + response.getIdentifier().getValue()))
                .isEmpty();
        assertThat(outbox.pending()).isEqualTo(before);
    }

    @Test
    void responseStillInProgressIsNotHandedOver() {
        var response = screenings.example("adult-screening-positive", screenings.patient(null));
        response.setStatus(QuestionnaireResponseStatus.INPROGRESS);

        String id = screenings.submit(response);

        assertThat(screenings.pending(id)).isZero();
    }
}
