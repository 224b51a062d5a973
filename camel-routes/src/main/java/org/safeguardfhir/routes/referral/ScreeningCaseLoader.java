package org.safeguardfhir.routes.referral;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;
import org.safeguardfhir.routes.fhir.FhirStore;
import org.safeguardfhir.routes.outbox.OutboxMessage;
import org.safeguardfhir.terminology.Canonicals;

/** Reads a screening and what was already produced from it, under the patient's lock. */
class ScreeningCaseLoader {

    private static final String POSITIVE_OUTCOMES =
            String.join(",", outcome("positive"), outcome("high-risk"), outcome("immediate-danger"));

    private final FhirStore store;

    ScreeningCaseLoader(FhirStore store) {
        this.store = store;
    }

    /** Empty when the response no longer exists: there is nothing left to refer. */
    public Optional<ScreeningCase> load(OutboxMessage message) {
        store.lockSubject(message.subject());
        return store.read(QuestionnaireResponse.class, message.responseId()).map(this::load);
    }

    private ScreeningCase load(QuestionnaireResponse response) {
        String responseId = response.getIdElement().getIdPart();
        String subject = response.getSubject().getReference();
        String patientId = response.getSubject().getReferenceElement().getIdPart();
        Optional<LocalDate> birthDate = store.read(Patient.class, patientId)
                .filter(Patient::hasBirthDate)
                .map(patient -> patient.getBirthDate()
                        .toInstant()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate());
        List<Consent> consents = store.search(Consent.class, "Consent?patient=" + subject + "&status=active,inactive");
        return new ScreeningCase(response, birthDate, consents, existing(responseId, subject, patientId));
    }

    private ExistingOutputs existing(String responseId, String subject, String patientId) {
        String focus = "QuestionnaireResponse/" + responseId;
        List<Task> tasks = store.search(Task.class, "Task?focus=" + focus);
        String flagIdentifiers = Arrays.stream(SafeguardingFlag.values())
                .map(flag -> ReferralIdentifiers.FLAG_SYSTEM + "|" + ReferralIdentifiers.flag(patientId, flag))
                .collect(Collectors.joining(","));
        List<Flag> flags = store.search(Flag.class, "Flag?identifier=" + flagIdentifiers);
        Optional<Observation> observation = store
                .search(
                        Observation.class,
                        "Observation?identifier=" + ReferralIdentifiers.OBSERVATION_SYSTEM + "|" + responseId)
                .stream()
                .findFirst();
        boolean otherPositive = store
                .search(
                        Observation.class,
                        "Observation?subject=" + subject + "&code="
                                + Canonicals.codeSystem(Canonicals.SCREENING_OBSERVATION)
                                + "|trafficking-screening-result&value-concept=" + POSITIVE_OUTCOMES)
                .stream()
                .filter(result -> result.getStatus() != Observation.ObservationStatus.ENTEREDINERROR)
                .anyMatch(result -> result.getDerivedFrom().stream()
                        .noneMatch(source ->
                                responseId.equals(source.getReferenceElement().getIdPart())));
        return new ExistingOutputs(tasks, flags, observation, otherPositive);
    }

    private static String outcome(String code) {
        return Canonicals.codeSystem(Canonicals.SCREENING_OUTCOME) + "|" + code;
    }
}
