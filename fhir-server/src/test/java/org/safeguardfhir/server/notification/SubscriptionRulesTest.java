package org.safeguardfhir.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionRulesTest {

    @Test
    void aValidSubscriptionIsActivatedWithIdOnlyPayloads() {
        var subscription = restHook("https://receiver.example.org/hook");

        SubscriptionRules.apply(subscription, false);

        assertThat(subscription.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
        assertThat(subscription.getChannel().getPayload()).isEqualTo("application/fhir+json");
        assertThat(subscription.getChannel().getPayloadElement().getExtensionsByUrl(SubscriptionRules.PAYLOAD_CONTENT))
                .singleElement()
                .satisfies(e -> assertThat(e.getValue().primitiveValue()).isEqualTo("id-only"));
    }

    @Test
    void aSubscriptionSwitchedOffStaysOff() {
        var subscription = restHook("https://receiver.example.org/hook").setStatus(Subscription.SubscriptionStatus.OFF);

        SubscriptionRules.apply(subscription, false);

        assertThat(subscription.getStatus()).isEqualTo(Subscription.SubscriptionStatus.OFF);
    }

    @Test
    void plainHttpReceiversAreRefusedUnlessAllowed() {
        assertThatThrownBy(() -> SubscriptionRules.apply(restHook("http://receiver.example.org/hook"), false))
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("https");

        var allowed = restHook("http://receiver.example.org/hook");
        SubscriptionRules.apply(allowed, true);
        assertThat(allowed.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
    }

    @Test
    void fullResourcePayloadsAreRefused() {
        var subscription = restHook("https://receiver.example.org/hook");
        subscription
                .getChannel()
                .getPayloadElement()
                .addExtension(SubscriptionRules.PAYLOAD_CONTENT, new CodeType("full-resource"));

        assertThatThrownBy(() -> SubscriptionRules.apply(subscription, false))
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("id-only");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Task",
                "Task?",
                "Task?status=requested",
                "Task?status:not=completed&priority=urgent",
                "Task?code=https://safeguardfhir.org/fhir/CodeSystem/referral-pathway|nrm&owner=Organization/1",
                "Task?business-status=awaiting-consent&_id=12"
            })
    void criteriaOnWhatTheDashboardSeesAreAccepted(String criteria) {
        assertThat(SubscriptionCriteria.check(criteria)).startsWith("Task");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Patient?name=x",
                "Task?patient=Patient/1",
                "Task?owner.name=x",
                "Task?owner:Organization.name=x",
                "Task?_has:Flag:patient:status=active",
                "Task?status:missing=true",
                "Task?owner:missing=true",
                "Task?_text=x",
                "Task?status",
                "Task?_include=Task:patient",
                "Taskx?status=requested"
            })
    void criteriaThatReachFurtherAreRefused(String criteria) {
        var subscription = restHook("https://receiver.example.org/hook").setCriteria(criteria);

        assertThatThrownBy(() -> SubscriptionRules.apply(subscription, false))
                .isInstanceOf(UnprocessableEntityException.class);
    }

    @Test
    void headersTheServerSetsCannotBeSetByTheSubscriber() {
        var subscription = restHook("https://receiver.example.org/hook");
        subscription.getChannel().addHeader("Content-Type: text/plain");

        assertThatThrownBy(() -> SubscriptionRules.apply(subscription, false))
                .isInstanceOf(UnprocessableEntityException.class);

        var authorised = restHook("https://receiver.example.org/hook");
        authorised.getChannel().addHeader("Authorization: Bearer receiver-token");
        SubscriptionRules.apply(authorised, false);
        assertThat(authorised.getChannel().getHeader()).hasSize(1);
    }

    private static Subscription restHook(String endpoint) {
        var subscription = new Subscription()
                .setStatus(Subscription.SubscriptionStatus.REQUESTED)
                .setCriteria("Task?status=requested");
        subscription
                .getChannel()
                .setType(Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint(endpoint);
        return subscription;
    }
}
