package org.safeguardfhir.routes.screening;

/**
 * The linkIds and answer codes of the screening questionnaires that the server reads. Both questionnaires use the same
 * linkIds for the items they share, which is what lets one set of rules read either.
 */
final class LinkIds {

    static final String PRIVATE_PREFIX = "private.";
    static final String DOCUMENTS = "private.documents";
    static final String MOVEMENT = "private.movement";
    static final String THREATS = "private.threats";
    static final String FORCED_WORK = "private.forced-work";
    static final String FORCED_SEX = "private.forced-sex";
    static final String HOURS_AND_PAY = "private.hours-and-pay";
    static final String LIVES_AT_WORK = "private.lives-at-work";
    static final String DECEIVED = "private.deceived";
    static final String AGE = "private.age";

    static final String INDICATORS = "observed.indicators";
    static final String COMPANION_SPEAKS = "context.companion-speaks";
    static final String INTERPRETER = "context.interpreter";
    static final String INTERPRETER_LANGUAGE = "context.interpreter-language";
    static final String INTERPRETER_MODE = "context.interpreter-mode";
    static final String SEEN_ALONE = "context.seen-alone";
    static final String IMMEDIATE_DANGER = "danger.immediate";
    static final String OPTIONS_EXPLAINED = "consent.explained";
    static final String DUTY_TO_NOTIFY = "consent.uk.duty-to-notify";
    static final String SAFE_TO_CALL = "contact.safe-to-call";
    static final String SAFE_TO_WRITE = "contact.safe-to-write";
    static final String OUTCOME = "outcome";

    static final String YES = "yes";
    static final String NO = "no";
    static final String UNSURE = "unsure";
    static final String FAMILY_FRIEND_INTERPRETER = "family-friend-accompanying";
    static final String PROFESSIONAL_INTERPRETER = "professional";

    private LinkIds() {}
}
