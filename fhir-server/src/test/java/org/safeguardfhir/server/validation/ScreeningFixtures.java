package org.safeguardfhir.server.validation;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.server.support.PackageExamples;

/**
 * Shipped example screening responses, made storable: their patient and practitioner are created on the server and
 * referenced, and each copy gets a fresh business identifier.
 */
final class ScreeningFixtures {

    private final IGenericClient client;
    private final Reference patient;
    private final Reference practitioner;

    ScreeningFixtures(IGenericClient client) {
        this.client = client;
        this.patient = new Reference(client.create()
                .resource(new Patient()
                        .addIdentifier(new org.hl7.fhir.r4.model.Identifier()
                                .setSystem("https://gp.example.org/fhir/sid/local-patient-id")
                                .setValue(UUID.randomUUID().toString())))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
        this.practitioner = new Reference(client.create()
                .resource(new Practitioner())
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
    }

    Reference patient() {
        return patient;
    }

    List<QuestionnaireResponse> responses() {
        return PackageExamples.examples(QuestionnaireResponse.class).stream()
                .map(this::storable)
                .toList();
    }

    QuestionnaireResponse response() {
        return responses().stream()
                .filter(r -> r.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .findFirst()
                .orElseThrow();
    }

    QuestionnaireResponse storable(QuestionnaireResponse example) {
        var copy = example.copy();
        copy.setId((String) null);
        copy.setSubject(patient.copy());
        copy.setAuthor(practitioner.copy());
        copy.getIdentifier().setValue(UUID.randomUUID().toString());
        return copy;
    }

    /** The first coded answer in the response, depth first. */
    static QuestionnaireResponseItemAnswerComponent firstCodedAnswer(QuestionnaireResponse response) {
        var found = new QuestionnaireResponseItemAnswerComponent[1];
        walk(response.getItem(), answer -> {
            if (found[0] == null && answer.hasValueCoding()) {
                found[0] = answer;
            }
        });
        if (found[0] == null) {
            throw new IllegalStateException("example has no coded answer");
        }
        return found[0];
    }

    private static void walk(
            List<QuestionnaireResponseItemComponent> items, Consumer<QuestionnaireResponseItemAnswerComponent> visit) {
        for (var item : items) {
            for (var answer : item.getAnswer()) {
                visit.accept(answer);
                walk(answer.getItem(), visit);
            }
            walk(item.getItem(), visit);
        }
    }
}
