/**
 * The transactional outbox between stored screening responses and the referral route, on durable work: a hand-off is
 * written in the transaction that stores a response, claimed by one node of many, retried with backoff, and kept as a
 * dead letter (never dropped) when it cannot be processed. Processing is at least once; the route's writes are
 * idempotent, so a hand-off done twice produces its referrals once.
 */
package org.safeguardfhir.routes.outbox;
