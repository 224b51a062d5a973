/**
 * The transactional outbox between stored screening responses and the referral route: rows are written in the
 * transaction that stores a response, claimed with {@code FOR UPDATE SKIP LOCKED} by competing workers on any number
 * of server instances, deleted in the transaction that stores the referrals, retried with backoff on failure, and
 * moved to a dead-letter table (never dropped) when they cannot be processed.
 */
package org.safeguardfhir.routes.outbox;
