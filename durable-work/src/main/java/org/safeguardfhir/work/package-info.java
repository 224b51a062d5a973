/**
 * Durable background work: enqueued in the caller's transaction, claimed across nodes, retried by its kind's policy
 * (a dead node's attempt counted too), given up into dead letters that an operator can replay. On db-scheduler.
 */
package org.safeguardfhir.work;
