/**
 * Intake of screening responses and their hand-off to the referral route: the outbox interceptor that enqueues a
 * stored response in the same database transaction, the FHIR store the route reads and writes through, the referral
 * directory, and the operator's dead-letter endpoint.
 */
package org.safeguardfhir.server.screening;
