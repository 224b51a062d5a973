package org.safeguardfhir.server.notification;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;

/**
 * What a Subscription must be to be stored, and what the server sets on it: Task criteria only, a rest-hook to an
 * https receiver or a websocket, and id-only payloads. A notification then says which Task changed and nothing of what
 * it holds; the receiver reads the Task with its own token, and sees it as its role allows.
 */
final class SubscriptionRules {

    /** The Subscriptions Backport's payload content extension, as used on R4. */
    static final String PAYLOAD_CONTENT =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";

    static final String ID_ONLY = "id-only";
    static final Set<String> PAYLOAD_TYPES = Set.of("application/fhir+json", "application/json");
    static final int MAX_HEADERS = 10;

    private static final Pattern HEADER = Pattern.compile("([A-Za-z0-9!#$%&'*+.^_`|~-]+):[ \\t]*([^\\r\\n]*)");
    /** Headers the server sets itself on every delivery. */
    private static final Set<String> RESERVED_HEADERS =
            Set.of("content-type", "content-length", "host", "connection", "transfer-encoding", "expect", "upgrade");

    private SubscriptionRules() {}

    /** Checks the Subscription and sets what the server decides; nothing is stored when this throws. */
    static void apply(Subscription subscription, boolean allowHttpEndpoints) {
        try {
            subscription.setCriteria(SubscriptionCriteria.check(subscription.getCriteria()));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        var channel = subscription.getChannel();
        if (channel.getType() == SubscriptionChannelType.RESTHOOK) {
            checkEndpoint(channel.getEndpoint(), allowHttpEndpoints);
            channel.getHeader().forEach(header -> checkHeader(header.getValue()));
            if (channel.getHeader().size() > MAX_HEADERS) {
                throw invalid("At most " + MAX_HEADERS + " channel headers are allowed.");
            }
        } else if (channel.getType() == SubscriptionChannelType.WEBSOCKET) {
            if (channel.hasEndpoint() || channel.hasHeader()) {
                throw invalid("A websocket channel has no endpoint or headers: the client connects to the server's"
                        + " websocket and binds the Subscription's id.");
            }
        } else {
            throw invalid("Subscription.channel.type must be rest-hook or websocket.");
        }
        checkPayload(channel);
        subscription.setStatus(
                subscription.getStatus() == SubscriptionStatus.OFF
                        ? SubscriptionStatus.OFF
                        : SubscriptionStatus.ACTIVE);
        subscription.setError(null);
    }

    private static void checkPayload(Subscription.SubscriptionChannelComponent channel) {
        var payload = channel.getPayloadElement();
        if (channel.getPayload() != null && !PAYLOAD_TYPES.contains(channel.getPayload())) {
            throw invalid("Subscription.channel.payload must be application/fhir+json.");
        }
        var content = payload.getExtensionByUrl(PAYLOAD_CONTENT);
        if (content != null && !ID_ONLY.equals(content.getValue().primitiveValue())) {
            throw invalid("Notifications carry ids only: the payload content must be id-only, not "
                    + content.getValue().primitiveValue() + ".");
        }
        channel.setPayload("application/fhir+json");
        channel.getPayloadElement().removeExtension(PAYLOAD_CONTENT);
        channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType(ID_ONLY));
    }

    private static void checkEndpoint(String endpoint, boolean allowHttp) {
        if (endpoint == null || endpoint.isBlank()) {
            throw invalid("A rest-hook channel needs an endpoint.");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw invalid("The channel endpoint is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || (allowHttp && scheme.equals("http")))) {
            throw invalid(
                    allowHttp
                            ? "The channel endpoint must be an absolute http or https URL."
                            : "The channel endpoint must be an absolute https URL.");
        }
        if (uri.getUserInfo() != null) {
            throw invalid("Put credentials for the receiver in a channel header, not in the endpoint URL.");
        }
    }

    private static void checkHeader(String header) {
        var matcher = HEADER.matcher(header == null ? "" : header);
        if (!matcher.matches()) {
            throw invalid("Each channel header must read 'Name: value'.");
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        if (RESERVED_HEADERS.contains(name) || name.startsWith("x-safeguard-")) {
            throw invalid("The channel header " + matcher.group(1) + " is set by the server.");
        }
    }

    private static UnprocessableEntityException invalid(String message) {
        return new UnprocessableEntityException(message);
    }
}
