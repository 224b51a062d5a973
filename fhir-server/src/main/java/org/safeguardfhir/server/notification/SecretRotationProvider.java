package org.safeguardfhir.server.notification;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.safeguardfhir.server.fhir.RestProvider;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.terminology.Canonicals;

/**
 * {@code POST Subscription/[id]/$rotate-secret}: a new secret for signing the Subscription's notifications, for its
 * owner only (anyone else gets 404, as for a Subscription that does not exist). The old secret stops at once.
 */
public class SecretRotationProvider implements RestProvider {

    public static final String NAME = "$rotate-secret";
    public static final String CANONICAL = Canonicals.BASE + "/OperationDefinition/rotate-secret";

    private final SubscriptionChannels channels;

    SecretRotationProvider(SubscriptionChannels channels) {
        this.channels = channels;
    }

    @Operation(name = NAME, type = Subscription.class, idempotent = false, canonicalUrl = CANONICAL)
    @Description(shortDefinition = "Replaces the secret that signs a Subscription's notifications")
    public Parameters rotate(@IdParam IdType id) {
        String subject = CallerAuthentication.current().map(c -> c.subject()).orElse("");
        var channel = channels.find(id.getIdPart())
                .filter(c -> !subject.isEmpty() && c.owner().equals(subject));
        String secret = channel.flatMap(c -> channels.rotateSecret(c.id()))
                .orElseThrow(() -> new ResourceNotFoundException(new IdType("Subscription", id.getIdPart())));
        var result = new Parameters();
        result.addParameter().setName("secret").setValue(new StringType(secret));
        return result;
    }
}
