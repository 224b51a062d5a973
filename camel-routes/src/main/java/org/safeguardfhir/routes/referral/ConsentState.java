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
 * What is known about the patient's wishes for each referral pathway.
 *
 * <p>A recorded Consent resource (profile referral-consent) outranks the screen's answer for its pathway, because it
 * is the patient's considered decision, taken after the options were explained, and may be later than the screen.
 * An active Consent with a permit or deny provision is a decision dated by its {@code dateTime}; an inactive one is
 * the patient withdrawing it, a refusal dated when the Consent was last changed, so a withdrawal always outranks the
 * agreement it withdraws and the screen's yes, and never falls back to them. The latest decision for a pathway
 * decides, since patients may change their minds either way; when the latest are equally recent, or undated, a
 * refusal beats an agreement, because sharing against a patient's wishes cannot be undone and waiting can.
 *
 * <p>The screen's answer counts only when it was obtained safely (see {@link ConsentAnswers}); an answer given where
 * it may not have been the patient's is {@link Wish#NOT_OBTAINED_SAFELY}, neither agreement nor refusal.
 */
public final class ConsentState {

    /** The patient's wish for one pathway, as far as it is known. */
    public enum Wish {
        AGREED,
        REFUSED,
        NOT_OBTAINED_SAFELY,
        NOT_ASKED
    }

    static final String PATHWAY_SYSTEM = Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY);

    /** Latest first; undated last; at equal dates a refusal first. */
    private static final Comparator<Decision> DECIDING_FIRST = Comparator.comparing(
                    Decision::when, Comparator.nullsFirst(Comparator.<Date>naturalOrder()))
            .thenComparing(decision -> !decision.agrees())
            .reversed();

    /** What one recorded Consent says about its pathways, and as of when. */
    private record Decision(Consent consent, boolean agrees, Date when) {}

    private final Map<ReferralPathway, Wish> wishes;

    private ConsentState(Map<ReferralPathway, Wish> wishes) {
        this.wishes = wishes;
    }

    public static ConsentState of(ConsentAnswers answers, List<Consent> consents) {
        Map<ReferralPathway, Wish> wishes = new EnumMap<>(ReferralPathway.class);
        for (ReferralPathway pathway : ReferralPathway.values()) {
            answers.forPathway(pathway.code()).ifPresent(answer -> wishes.put(pathway, screenWish(answers, answer)));
        }
        decisionsRecorded(consents)
                .forEach((pathway, permit) -> wishes.put(pathway, permit ? Wish.AGREED : Wish.REFUSED));
        return new ConsentState(wishes);
    }

    public Wish wish(ReferralPathway pathway) {
        return wishes.getOrDefault(pathway, Wish.NOT_ASKED);
    }

    public boolean permits(ReferralPathway pathway) {
        return wish(pathway) == Wish.AGREED;
    }

    private static Wish screenWish(ConsentAnswers answers, boolean yes) {
        if (!answers.obtainedSafely()) {
            return Wish.NOT_OBTAINED_SAFELY;
        }
        return yes ? Wish.AGREED : Wish.REFUSED;
    }

    /** Per pathway, whether the deciding Consent agrees. */
    private static Map<ReferralPathway, Boolean> decisionsRecorded(List<Consent> consents) {
        Map<ReferralPathway, Decision> deciding = new HashMap<>();
        consents.stream()
                .map(ConsentState::decision)
                .flatMap(Optional::stream)
                .sorted(DECIDING_FIRST)
                .forEach(decision ->
                        pathways(decision.consent()).forEach(pathway -> deciding.putIfAbsent(pathway, decision)));
        Map<ReferralPathway, Boolean> decisions = new EnumMap<>(ReferralPathway.class);
        deciding.forEach((pathway, decision) -> decisions.put(pathway, decision.agrees()));
        return decisions;
    }

    private static Optional<Decision> decision(Consent consent) {
        if (!consent.hasProvision()) {
            return Optional.empty();
        }
        ConsentProvisionType type = consent.getProvision().getType();
        if (consent.getStatus() == Consent.ConsentState.INACTIVE && type == ConsentProvisionType.PERMIT) {
            Date withdrawn = consent.getMeta().getLastUpdated() != null
                    ? consent.getMeta().getLastUpdated()
                    : consent.getDateTime();
            return Optional.of(new Decision(consent, false, withdrawn));
        }
        if (consent.getStatus() == Consent.ConsentState.ACTIVE
                && (type == ConsentProvisionType.PERMIT || type == ConsentProvisionType.DENY)) {
            return Optional.of(new Decision(consent, type == ConsentProvisionType.PERMIT, consent.getDateTime()));
        }
        return Optional.empty();
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
