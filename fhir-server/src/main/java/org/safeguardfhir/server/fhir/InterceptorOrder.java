package org.safeguardfhir.server.fhir;

/**
 * The order of our HAPI hooks where several of them share a pointcut, by name, in one place. HAPI runs lower orders
 * first; its own interceptors (validation, consent) run at 0.
 */
public final class InterceptorOrder {

    /** Before storage: the caller's write permission, checked before anything reveals a profile's rules. */
    public static final int WRITE_ACCESS = -1000;

    /** Before storage, after the write permission: a Subscription's owner and channel. */
    public static final int SUBSCRIPTION_RULES = -900;

    /** Before the request is handled, after authentication: a break-glass grant the request asks for. */
    public static final int BREAK_GLASS = -10;

    /** Outgoing answer, first: from here on everything shown is judged by the label policy. */
    public static final int ANSWER_JUDGED = -100;

    /** Outgoing answer, after HAPI's consent interceptor: the answer checked once more as a whole. */
    public static final int FINAL_VISIBILITY_CHECK = 100;

    /** Outgoing answer, last: the audit of what was shown and what was withheld. */
    public static final int AUDIT = 200;

    private InterceptorOrder() {}
}
