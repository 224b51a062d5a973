package org.safeguardfhir.server.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * POSTs a notification to a rest-hook receiver, signed with the Subscription's secret. Redirects are not followed: a
 * receiver that moves updates its Subscription, rather than sending notifications somewhere nobody checked.
 */
class RestHookDelivery {

    private final HttpClient client;
    private final NotificationProperties properties;
    private final Clock clock;

    RestHookDelivery(NotificationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Null when the receiver took the notification (any 2xx), else what went wrong. */
    String post(SubscriptionChannels.Channel channel, String secret, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(channel.endpoint()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/fhir+json")
                .header(
                        NotificationSignature.HEADER,
                        NotificationSignature.header(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : channel.headers()) {
            int colon = header.indexOf(':');
            request.header(
                    header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip());
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
