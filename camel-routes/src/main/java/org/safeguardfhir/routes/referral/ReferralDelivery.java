package org.safeguardfhir.routes.referral;

import java.util.function.BiConsumer;
import org.apache.camel.ProducerTemplate;
import org.safeguardfhir.routes.outbox.OutboxMessage;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Durable work's handler for screening hand-offs: sends each through the route on the scheduler's thread and hands
 * back the route's failure itself (not Camel's wrapper), so that durable work can tell a rejection from an outage.
 */
class ReferralDelivery implements BiConsumer<String, String> {

    private final ObjectProvider<ProducerTemplate> producer;

    ReferralDelivery(ObjectProvider<ProducerTemplate> producer) {
        this.producer = producer;
    }

    @Override
    public void accept(String id, String text) {
        var job = new ReferralJob(OutboxMessage.parse(text));
        var done = producer.getObject().send(ScreeningToReferralRoute.ENTRY, exchange -> exchange.getMessage()
                .setBody(job));
        Exception failure = done.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
