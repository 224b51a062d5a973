package org.safeguardfhir.routes.referral;

import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.safeguardfhir.routes.screening.ConsentAnswers;
import org.safeguardfhir.terminology.Canonicals;

/**
 * What is known about the patient's consent to each referral pathway: permitted, refused, or unknown.
 *
 * <p>A recorded Consent resource (profile referral-consent) outranks the screen's answer for its pathway, because it
 * is the patient's considered decision, taken after the options were explained, and may be later than the screen.
 * Among several active Consents for one pathway the latest {@code dateTime} decides, since patients may change their
 * minds either way and the latest decision is the one to honour; when the latest are equally recent, or undated, a
 * deny beats a permit, because sharing against a patient's wishes cannot be undone and waiting can. Only active
 * Consents with a permit or deny provision count; the caller passes the patient's own Consents. A provision period is
 * not checked, because a withdrawn or lapsed decision is recorded by making its Consent inactive.
 */
public final class ConsentState {

    static final String PATHWAY_SYSTEM = Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY);

    /** Latest first; undated last; at equal dates a deny first. */
    private static final Comparator<Consent> DECIDING_FIRST = Comparator.comparing(
                    Consent::getDateTime, Comparator.nullsFirst(Comparator.<Date>naturalOrder()))
            .thenComparing(ConsentState::isDeny)
            .reversed();

    private final Map<ReferralPathway, Boolean> permitted;

    private ConsentState(Map<ReferralPathway, Boolean> permitted) {
        this.permitted = permitted;
    }

    public static ConsentState of(ConsentAnswers answers, List<Consent> consents) {
        Map<ReferralPathway, Boolean> permitted = new EnumMap<>(ReferralPathway.class);
        for (ReferralPathway pathway : ReferralPathway.values()) {
            answers.forPathway(pathway.code()).ifPresent(answer -> permitted.put(pathway, answer));
        }
        permitted.putAll(decisionsRecorded(consents));
        return new ConsentState(permitted);
    }

    public boolean permits(ReferralPathway pathway) {
        return Boolean.TRUE.equals(permitted.get(pathway));
    }

    public boolean refuses(ReferralPathway pathway) {
        return Boolean.FALSE.equals(permitted.get(pathway));
    }

    /** Per pathway, whether the deciding Consent permits. */
    private static Map<ReferralPathway, Boolean> decisionsRecorded(List<Consent> consents) {
        Map<ReferralPathway, Consent> deciding = new HashMap<>();
        consents.stream()
                .filter(ConsentState::isDecision)
                .sorted(DECIDING_FIRST)
                .forEach(consent -> pathways(consent).forEach(pathway -> deciding.putIfAbsent(pathway, consent)));
        Map<ReferralPathway, Boolean> decisions = new EnumMap<>(ReferralPathway.class);
        deciding.forEach((pathway, consent) -> decisions.put(pathway, !isDeny(consent)));
        return decisions;
    }

    private static boolean isDecision(Consent consent) {
        return consent.getStatus() == Consent.ConsentState.ACTIVE
                && consent.hasProvision()
                && (consent.getProvision().getType() == ConsentProvisionType.PERMIT || isDeny(consent));
    }

    private static boolean isDeny(Consent consent) {
        return consent.hasProvision() && consent.getProvision().getType() == ConsentProvisionType.DENY;
    }

    private static Stream<ReferralPathway> pathways(Consent consent) {
        return consent.getCategory().stream()
                .flatMap(category -> category.getCoding().stream())
                .filter(coding -> PATHWAY_SYSTEM.equals(coding.getSystem()))
                .map(Coding::getCode)
                .map(ReferralPathway::fromCode)
                .flatMap(Optional::stream);
    }
}
