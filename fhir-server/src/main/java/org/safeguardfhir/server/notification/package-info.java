/**
 * Notifications of Task changes for dashboards and other subscribers: R4 Subscriptions (rest-hook and websocket) with
 * id-only payloads, checked and owned as they are stored, written to an outbox in the Task's own transaction, and
 * delivered signed, with durable retries and backoff.
 */
package org.safeguardfhir.server.notification;
