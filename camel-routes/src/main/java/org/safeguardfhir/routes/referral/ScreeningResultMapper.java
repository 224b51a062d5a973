package org.safeguardfhir.routes.referral;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.routes.screening.ScreeningOutcome;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The restricted record that a screening was done and what it found, one per response; written for negative screens
 * too, because "screened, negative" is itself clinically useful and itself sensitive.
 */
final class ScreeningResultMapper {

    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    void map(ScreeningCase screening, ScreeningOutcome outcome, boolean sexual, TransactionBuilder writes) {
        Optional<Observation> existing = screening.existing().observation();
        if (screening.withdrawn()) {
            existing.filter(result -> result.getStatus() != ObservationStatus.ENTEREDINERROR)
                    .ifPresent(result -> writes.update(withStatus(result, ObservationStatus.ENTEREDINERROR)));
            return;
        }
        if (existing.isEmpty()) {
            writes.upsert(
                    observation(screening, outcome, sexual, ObservationStatus.FINAL),
                    ReferralIdentifiers.OBSERVATION_SYSTEM,
                    screening.responseId());
        } else if (!outcome.code().equals(valueCode(existing.get()))
                || existing.get().getStatus() == ObservationStatus.ENTEREDINERROR) {
            var amended = observation(screening, outcome, sexual, ObservationStatus.AMENDED);
            amended.setId(existing.get().getIdElement().getIdPart());
            writes.update(amended);
        }
    }

    private Observation observation(
            ScreeningCase screening, ScreeningOutcome outcome, boolean sexual, ObservationStatus status) {
        var result = new Observation();
        SecurityLabels.profile(result, "screening-result-observation");
        SecurityLabels.leadOnly(result, sexual);
        result.addIdentifier().setSystem(ReferralIdentifiers.OBSERVATION_SYSTEM).setValue(screening.responseId());
        result.setStatus(status);
        result.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        result.setCode(new CodeableConcept(new Coding(
                Canonicals.codeSystem(Canonicals.SCREENING_OBSERVATION),
                "trafficking-screening-result",
                "Trafficking and modern slavery screening result")));
        result.setSubject(new Reference(screening.subject()));
        result.setEffective(
                new DateTimeType(screening.response().getAuthoredElement().getValueAsString()));
        result.addPerformer(screening.response().getAuthor().copy());
        result.setValue(new CodeableConcept(
                new Coding(Canonicals.codeSystem(Canonicals.SCREENING_OUTCOME), outcome.code(), null)));
        result.addDerivedFrom(new Reference("QuestionnaireResponse/" + screening.responseId()));
        return result;
    }

    private static Observation withStatus(Observation existing, ObservationStatus status) {
        var copy = existing.copy();
        copy.setMeta(existing.getMeta().copy().setVersionId(null).setLastUpdated(null));
        copy.setId(existing.getIdElement().getIdPart());
        copy.setStatus(status);
        return copy;
    }

    private static String valueCode(Observation observation) {
        return observation.getValueCodeableConcept().getCodingFirstRep().getCode();
    }
}
