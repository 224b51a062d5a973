package org.safeguardfhir.server.access;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Whose a Subscription is: the token subject that created it, kept in a tag the server sets and clients cannot change.
 * A Subscription names where notifications go and may carry the receiver's credentials in its headers, so only its
 * owner reads, changes or deletes it (an administrator may read and delete any, to stop a misbehaving one).
 */
public final class SubscriptionOwners {

    public static final String TAG_SYSTEM = Canonicals.BASE + "/subscription-owner";

    private SubscriptionOwners() {}

    public static Optional<String> of(IBaseResource resource) {
        return resource.getMeta().getTag().stream()
                .filter(tag -> TAG_SYSTEM.equals(tag.getSystem()))
                .map(tag -> tag.getCode())
                .findFirst();
    }

    /** Sets the owner, replacing whatever owner tag the client sent. */
    public static void stamp(Subscription subscription, String owner) {
        subscription.getMeta().getTag().removeIf(tag -> TAG_SYSTEM.equals(tag.getSystem()));
        subscription.getMeta().addTag(TAG_SYSTEM, owner, null);
    }

    static boolean owns(Caller caller, IBaseResource subscription) {
        return !caller.subject().isEmpty()
                && of(subscription).filter(caller.subject()::equals).isPresent();
    }
}
