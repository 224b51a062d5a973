package org.safeguardfhir.server.screening;

import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.safeguardfhir.routes.outbox.OutboxMessage;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.server.support.PackageExamples;
import org.safeguardfhir.terminology.Canonicals;
import org.springframework.jdbc.core.JdbcTemplate;

/** Submits screenings built from the shipped examples over HTTP and waits until the pipeline has processed them. */
public final class Screenings {

    static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);

    private final IGenericClient client;
    private final JdbcTemplate jdbc;
    private final Reference practitioner;

    public Screenings(IGenericClient client, JdbcTemplate jdbc) {
        this.client = client;
        this.jdbc = jdbc;
        this.practitioner = new Reference(client.create()
                .resource(new Practitioner())
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
    }

    /** A new patient; {@code birthDate} may be null (age unknown). */
    public Reference patient(String birthDate) {
        var patient = new Patient()
                .addIdentifier(new Identifier()
                        .setSystem("https://gp.example.org/fhir/sid/local-patient-id")
                        .setValue(UUID.randomUUID().toString()));
        if (birthDate != null) {
            patient.setBirthDateElement(new DateType(birthDate));
        }
        return new Reference(client.create()
                .resource(patient)
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
    }

    /** A copy of a shipped example response for {@code patient}, with a fresh business identifier. */
    public QuestionnaireResponse example(String exampleId, Reference patient) {
        var response =
                PackageExamples.example(QuestionnaireResponse.class, exampleId).copy();
        response.setId((String) null);
        response.setSubject(patient.copy());
        response.setAuthor(practitioner.copy());
        response.getIdentifier().setValue(UUID.randomUUID().toString());
        return response;
    }

    /** Replaces the coded answer of an item (which must exist in the example). */
    static QuestionnaireResponse answer(QuestionnaireResponse response, String linkId, String code) {
        var item =
                find(response.getItem(), linkId).orElseThrow(() -> new IllegalArgumentException("no item " + linkId));
        item.getAnswer().clear();
        item.addAnswer().setValue(new Coding(Canonicals.codeSystem(Canonicals.SCREENING_ANSWER), code, null));
        return response;
    }

    /** Sets the one answer of an item the example has. */
    static QuestionnaireResponse answer(QuestionnaireResponse response, String linkId, Type value) {
        var item =
                find(response.getItem(), linkId).orElseThrow(() -> new IllegalArgumentException("no item " + linkId));
        item.getAnswer().clear();
        item.addAnswer().setValue(value);
        return response;
    }

    /** Adds an item the example lacks, with one answer, right after its sibling {@code after} (items keep order). */
    static QuestionnaireResponse answerAfter(QuestionnaireResponse response, String after, String linkId, Type value) {
        String groupId = linkId.substring(0, linkId.lastIndexOf('.'));
        var group = find(response.getItem(), groupId)
                .orElseThrow(() -> new IllegalArgumentException("no group " + groupId));
        int position = group.getItem()
                .indexOf(find(group.getItem(), after)
                        .orElseThrow(() -> new IllegalArgumentException("no item " + after)));
        var item = new QuestionnaireResponseItemComponent().setLinkId(linkId);
        item.addAnswer().setValue(value);
        group.getItem().add(position + 1, item);
        return response;
    }

    /** Removes the private section, as a form does when the patient is not seen alone. */
    static QuestionnaireResponse withoutPrivateAnswers(QuestionnaireResponse response) {
        response.getItem().removeIf(item -> "private".equals(item.getLinkId()));
        return response;
    }

    /** Answers every private question of the response "no", as a screen that found nothing in private would. */
    static QuestionnaireResponse nothingInPrivate(QuestionnaireResponse response) {
        find(response.getItem(), "private").ifPresent(group -> group.getItem().stream()
                .filter(item -> item.hasAnswer())
                .forEach(item -> answer(response, item.getLinkId(), "no")));
        return response;
    }

    /** Removes the answers of an item, as a form does when a changed answer disables it. */
    static QuestionnaireResponse withoutAnswer(QuestionnaireResponse response, String linkId) {
        find(response.getItem(), linkId).ifPresent(item -> item.getAnswer().clear());
        return response;
    }

    /** Stores a response and returns its versionless id part. */
    public String submit(QuestionnaireResponse response) {
        return client.create().resource(response).execute().getId().getIdPart();
    }

    /** A stored response that the pipeline will not touch until {@link #release()}: the scheduler is paused. */
    record Submission(String id, Scheduler scheduler) {
        void release() {
            scheduler.resume();
        }
    }

    Submission prepared(Scheduler scheduler, QuestionnaireResponse response) {
        scheduler.pause();
        try {
            return new Submission(submit(response), scheduler);
        } catch (RuntimeException e) {
            scheduler.resume();
            throw e;
        }
    }

    /** Waits until no hand-off of the response is left: processed, or dead-lettered. */
    public void awaitProcessed(String responseId) {
        await().atMost(PIPELINE_TIMEOUT).until(() -> pending(responseId) == 0);
    }

    /** Hand-offs of the response waiting as durable work. */
    int pending(String responseId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM safeguard.scheduled_tasks WHERE task_name = ?"
                        + " AND convert_from(task_data, 'UTF8') LIKE ?",
                Integer.class,
                ScreeningOutbox.KIND,
                handOff(responseId));
    }

    /** Hand-offs of the response kept as dead letters. */
    int deadLetters(String responseId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM safeguard.dead_letter WHERE kind = ? AND data LIKE ?",
                Integer.class,
                ScreeningOutbox.KIND,
                handOff(responseId));
    }

    /** The dead letter's id, for replaying it. */
    String deadLetterId(String responseId) {
        return jdbc.queryForObject(
                "SELECT id FROM safeguard.dead_letter WHERE kind = ? AND data LIKE ?",
                String.class,
                ScreeningOutbox.KIND,
                handOff(responseId));
    }

    /** Hand-offs waiting for the patient's screenings. */
    List<String> pendingFor(String subject) {
        return jdbc
                .queryForList(
                        "SELECT convert_from(task_data, 'UTF8') FROM safeguard.scheduled_tasks WHERE task_name = ?",
                        String.class,
                        ScreeningOutbox.KIND)
                .stream()
                .map(OutboxMessage::parse)
                .filter(message -> message.subject().equals(subject))
                .map(OutboxMessage::responseId)
                .toList();
    }

    private static String handOff(String responseId) {
        return "QuestionnaireResponse/" + responseId + "/_history/%";
    }

    public <T extends Resource> List<T> search(Class<T> type, String query) {
        Bundle bundle = client.search()
                .byUrl(type.getSimpleName() + "?" + query + "&_count=200")
                .returnBundle(Bundle.class)
                .execute();
        return bundle.getEntry().stream()
                .map(entry -> type.cast(entry.getResource()))
                .toList();
    }

    private static Optional<QuestionnaireResponseItemComponent> find(
            List<QuestionnaireResponseItemComponent> items, String linkId) {
        for (var item : items) {
            if (linkId.equals(item.getLinkId())) {
                return Optional.of(item);
            }
            var nested = find(item.getItem(), linkId);
            if (nested.isPresent()) {
                return nested;
            }
            for (var answer : item.getAnswer()) {
                nested = find(answer.getItem(), linkId);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
