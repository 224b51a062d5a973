/**
 * The audit trail of restricted data: every request that shows, changes or is refused restricted records leaves one
 * AuditEvent shaped after IHE Basic Audit Log Patterns, stored before the answer leaves (reads) or in the same
 * transaction (writes).
 */
package org.safeguardfhir.server.audit;
