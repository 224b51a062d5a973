package org.safeguardfhir.server.validation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.routes.screening.ScreeningAnswers;
import org.safeguardfhir.routes.screening.ScreeningOutcomeRule;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Completes a screening response with what a form renderer cannot know, before it is validated: a business
 * identifier (kept from the stored version on an update, otherwise assigned), the submitter from the token when no
 * author is given, and the outcome as the server decides it. The answers themselves are never touched, and are then
 * validated against the Questionnaire exactly as sent.
 */
final class ScreeningResponseCompletion {

    /** RFC 3986 URIs: a {@code urn:uuid:} identifier is unique without any registry. */
    static final String ASSIGNED_IDENTIFIER_SYSTEM = "urn:ietf:rfc:3986";

    static final String OUTCOME = "outcome";

    private final ScreeningOutcomeRule outcomeRule = new ScreeningOutcomeRule();

    /** Completes {@code resource} if it is a screening response; {@code previous} is the stored version, if any. */
    void complete(IBaseResource resource, IBaseResource previous) {
        if (!(resource instanceof QuestionnaireResponse response)
                || !ConformancePackage.isScreeningQuestionnaire(response.getQuestionnaire())) {
            return;
        }
        if (!response.hasIdentifier()) {
            response.setIdentifier(
                    previous instanceof QuestionnaireResponse stored && stored.hasIdentifier()
                            ? stored.getIdentifier().copy()
                            : assignedIdentifier());
        }
        if (!response.hasAuthor()) {
            SubmitterReference.current().ifPresent(response::setAuthor);
        }
        recordOutcome(response);
    }

    private static org.hl7.fhir.r4.model.Identifier assignedIdentifier() {
        return new org.hl7.fhir.r4.model.Identifier()
                .setSystem(ASSIGNED_IDENTIFIER_SYSTEM)
                .setValue("urn:uuid:" + UUID.randomUUID());
    }

    /**
     * Stores the outcome the server decides (the questionnaire's rule, raised to a more severe submitted value), so
     * that the record shows what the referral was based on whether or not the renderer calculated it.
     */
    private void recordOutcome(QuestionnaireResponse response) {
        var outcome = outcomeRule.decide(ScreeningAnswers.of(response));
        var coding = new Coding(Canonicals.codeSystem(Canonicals.SCREENING_OUTCOME), outcome.code(), null);
        QuestionnaireResponseItemComponent item =
                find(response.getItem()).orElseGet(() -> response.addItem().setLinkId(OUTCOME));
        item.getAnswer().clear();
        item.addAnswer().setValue(coding);
    }

    private static Optional<QuestionnaireResponseItemComponent> find(List<QuestionnaireResponseItemComponent> items) {
        for (var item : items) {
            if (OUTCOME.equals(item.getLinkId())) {
                return Optional.of(item);
            }
            var nested = find(item.getItem());
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}
