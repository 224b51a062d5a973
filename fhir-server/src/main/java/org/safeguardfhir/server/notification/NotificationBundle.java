package org.safeguardfhir.server.notification;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A notification as the Subscriptions Backport shapes it on R4: a history Bundle whose first entry is the
 * SubscriptionStatus (as Parameters) listing the events, followed by one entry per changed Task carrying only its
 * address, never its content (id-only).
 */
final class NotificationBundle {

    static final String STATUS_PROFILE =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";

    private NotificationBundle() {}

    static Bundle of(
            SubscriptionChannels.Channel channel,
            List<SubscriptionChannels.Notification> notifications,
            long eventsSinceStart,
            Date now) {
        String base = channel.serverBase().endsWith("/") ? channel.serverBase() : channel.serverBase() + "/";
        var status = new Parameters();
        status.setId(UUID.randomUUID().toString());
        status.getMeta().addProfile(STATUS_PROFILE);
        status.addParameter().setName("subscription").setValue(new Reference(base + "Subscription/" + channel.id()));
        status.addParameter().setName("status").setValue(new CodeType("active"));
        status.addParameter().setName("type").setValue(new CodeType("event-notification"));
        status.addParameter()
                .setName("events-since-subscription-start")
                .setValue(new StringType(Long.toString(eventsSinceStart)));
        for (var notification : notifications) {
            var event = status.addParameter().setName("notification-event");
            event.addPart().setName("event-number").setValue(new StringType(Long.toString(notification.eventNumber())));
            event.addPart().setName("timestamp").setValue(new InstantType(Date.from(notification.occurredAt())));
            event.addPart().setName("focus").setValue(new Reference(base + notification.focus()));
        }

        var bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
        bundle.setId(UUID.randomUUID().toString());
        bundle.setTimestamp(now);
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + status.getIdElement().getIdPart())
                .setResource(status)
                .setRequest(new Bundle.BundleEntryRequestComponent()
                        .setMethod(Bundle.HTTPVerb.GET)
                        .setUrl(base + "Subscription/" + channel.id() + "/$status"))
                .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
        for (var notification : notifications) {
            var entry = bundle.addEntry().setFullUrl(base + notification.focus());
            switch (notification.interaction()) {
                case "create" ->
                    entry.setRequest(request(Bundle.HTTPVerb.POST, SubscriptionCriteria.RESOURCE_TYPE))
                            .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("201"));
                case "delete" ->
                    entry.setRequest(request(Bundle.HTTPVerb.DELETE, notification.focus()))
                            .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("204"));
                default ->
                    entry.setRequest(request(Bundle.HTTPVerb.PUT, notification.focus()))
                            .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
            }
        }
        return bundle;
    }

    private static Bundle.BundleEntryRequestComponent request(Bundle.HTTPVerb method, String url) {
        return new Bundle.BundleEntryRequestComponent().setMethod(method).setUrl(url);
    }
}
