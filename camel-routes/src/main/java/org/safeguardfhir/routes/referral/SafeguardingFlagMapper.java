package org.safeguardfhir.routes.referral;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Flag.FlagStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.terminology.Canonicals;

/**
 * One safeguarding Flag per patient, identified by the patient: raised by a positive screening, left as it is by
 * later ones, and lowered only when no valid positive screening of the patient remains. Its wording is neutral, so a
 * companion reading the screen does not learn what the concern is.
 */
final class SafeguardingFlagMapper {

    private static final String CONCERN =
            "Safeguarding concern – speak to the patient alone; contact the safeguarding lead";

    void map(ScreeningCase screening, boolean positive, Instant now, TransactionBuilder writes) {
        Optional<Flag> existing = screening.existing().flag();
        boolean active =
                existing.map(flag -> flag.getStatus() == FlagStatus.ACTIVE).orElse(false);
        if (positive && !active) {
            Flag flag = flag(screening, existing, now);
            if (existing.isPresent()) {
                writes.update(flag);
            } else {
                writes.upsert(flag, ReferralIdentifiers.FLAG_SYSTEM, screening.patientId());
            }
        } else if (!positive && active && !screening.existing().otherPositiveScreening()) {
            var lowered = existing.get().copy();
            lowered.setMeta(existing.get().getMeta().copy().setVersionId(null).setLastUpdated(null));
            lowered.setId(existing.get().getIdElement().getIdPart());
            lowered.setStatus(FlagStatus.INACTIVE);
            lowered.getPeriod().setEnd(Date.from(now));
            writes.update(lowered);
        }
    }

    private Flag flag(ScreeningCase screening, Optional<Flag> existing, Instant now) {
        var flag = new Flag();
        existing.ifPresent(previous -> flag.setId(previous.getIdElement().getIdPart()));
        SecurityLabels.profile(flag, "safeguarding-flag");
        SecurityLabels.restricted(flag, true);
        flag.addIdentifier().setSystem(ReferralIdentifiers.FLAG_SYSTEM).setValue(screening.patientId());
        flag.setStatus(FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(
                Canonicals.codeSystem(Canonicals.SAFEGUARDING_FLAG_CATEGORY), "safeguarding", "Safeguarding")));
        flag.setCode(new CodeableConcept(new Coding(
                        Canonicals.codeSystem(Canonicals.SAFEGUARDING_FLAG), "safeguarding-concern", CONCERN))
                .setText(CONCERN));
        flag.setSubject(new Reference(screening.subject()));
        flag.setPeriod(new Period().setStart(Date.from(now)));
        flag.setAuthor(screening.response().getAuthor().copy());
        return flag;
    }
}
