package org.safeguardfhir.routes.referral;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;

/**
 * What earlier deliveries of the same response (or other screenings of the same patient) already stored, read under
 * the patient's lock: the mappers update these instead of creating duplicates.
 *
 * @param tasks the response's referral Tasks
 * @param flags the patient's Flags of this service, whatever their status
 * @param observation the response's screening-result Observation
 * @param otherPositiveScreening whether another, still valid, positive screening of the patient supports the Flag
 */
public record ExistingOutputs(
        List<Task> tasks, List<Flag> flags, Optional<Observation> observation, boolean otherPositiveScreening) {

    Optional<Task> task(String identifierValue) {
        return tasks.stream()
                .filter(task -> has(task.getIdentifier(), ReferralIdentifiers.TASK_SYSTEM, identifierValue))
                .findFirst();
    }

    Optional<Flag> flag(String identifierValue) {
        return flags.stream()
                .filter(flag -> has(flag.getIdentifier(), ReferralIdentifiers.FLAG_SYSTEM, identifierValue))
                .findFirst();
    }

    static boolean has(List<Identifier> identifiers, String system, String value) {
        return identifiers.stream().anyMatch(id -> system.equals(id.getSystem()) && value.equals(id.getValue()));
    }
}
