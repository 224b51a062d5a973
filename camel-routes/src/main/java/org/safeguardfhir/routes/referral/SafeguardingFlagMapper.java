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
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningFinding;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The patient's Flags, each identified by the patient and its code, each an instruction to staff that never says
 * why, labelled only with the neutral safeguarding policy.
 *
 * <p>The safeguarding-concern Flag is raised by a positive screening, left as it is by later ones, and lowered only
 * when no valid positive screening of the patient remains. The instruction Flags protect the patient whatever the
 * outcome: a companion who interpreted raises "use a professional interpreter", and a patient for whom phoning or
 * writing is not (or not surely) safe raises "contact only through the safe route". Those two are raised from the
 * answers and never lowered by a later screen: a later screen in front of the same companion could say anything, so
 * only the safeguarding lead lowers them.
 */
final class SafeguardingFlagMapper {

    void map(
            ScreeningCase screening,
            ScreeningAssessment assessment,
            boolean positive,
            Instant now,
            TransactionBuilder writes) {
        mapConcern(screening, positive, now, writes);
        if (!screening.withdrawn()) {
            if (assessment.has(ScreeningFinding.COMPANION_INTERPRETED)) {
                raise(screening, SafeguardingFlag.PROFESSIONAL_INTERPRETER, now, writes);
            }
            if (assessment.has(ScreeningFinding.SAFE_CONTACT_RESTRICTED)) {
                raise(screening, SafeguardingFlag.SAFE_CONTACT_ONLY, now, writes);
            }
        }
    }

    private void mapConcern(ScreeningCase screening, boolean positive, Instant now, TransactionBuilder writes) {
        Optional<Flag> existing = existing(screening, SafeguardingFlag.CONCERN);
        boolean active = isActive(existing);
        if (positive && !active) {
            raise(screening, SafeguardingFlag.CONCERN, now, writes);
        } else if (!positive && active && !screening.existing().otherPositiveScreening()) {
            var lowered = existing.get().copy();
            lowered.setMeta(existing.get().getMeta().copy().setVersionId(null).setLastUpdated(null));
            lowered.setId(existing.get().getIdElement().getIdPart());
            lowered.setStatus(FlagStatus.INACTIVE);
            lowered.getPeriod().setEnd(Date.from(now));
            writes.update(lowered);
        }
    }

    private void raise(ScreeningCase screening, SafeguardingFlag code, Instant now, TransactionBuilder writes) {
        Optional<Flag> existing = existing(screening, code);
        if (isActive(existing)) {
            return;
        }
        Flag flag = flag(screening, code, existing, now);
        if (existing.isPresent()) {
            writes.update(flag);
        } else {
            writes.upsert(flag, ReferralIdentifiers.FLAG_SYSTEM, ReferralIdentifiers.flag(screening.patientId(), code));
        }
    }

    private static Optional<Flag> existing(ScreeningCase screening, SafeguardingFlag code) {
        return screening.existing().flag(ReferralIdentifiers.flag(screening.patientId(), code));
    }

    private static boolean isActive(Optional<Flag> flag) {
        return flag.map(f -> f.getStatus() == FlagStatus.ACTIVE).orElse(false);
    }

    private Flag flag(ScreeningCase screening, SafeguardingFlag code, Optional<Flag> existing, Instant now) {
        var flag = new Flag();
        existing.ifPresent(previous -> flag.setId(previous.getIdElement().getIdPart()));
        SecurityLabels.profile(flag, "safeguarding-flag");
        SecurityLabels.neutral(flag);
        flag.addIdentifier()
                .setSystem(ReferralIdentifiers.FLAG_SYSTEM)
                .setValue(ReferralIdentifiers.flag(screening.patientId(), code));
        flag.setStatus(FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(
                Canonicals.codeSystem(Canonicals.SAFEGUARDING_FLAG_CATEGORY), "safeguarding", "Safeguarding")));
        flag.setCode(new CodeableConcept(
                        new Coding(Canonicals.codeSystem(Canonicals.SAFEGUARDING_FLAG), code.code(), code.display()))
                .setText(code.display()));
        flag.setSubject(new Reference(screening.subject()));
        flag.setPeriod(new Period().setStart(Date.from(now)));
        flag.setAuthor(screening.response().getAuthor().copy());
        return flag;
    }
}
