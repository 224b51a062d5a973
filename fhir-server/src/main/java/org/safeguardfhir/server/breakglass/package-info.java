/**
 * Break-glass: a clinician who states a reason sees one patient's restricted records for a limited time; the access is
 * audited and the safeguarding lead is notified at once by a Task, as CP-IS notifies on access.
 */
package org.safeguardfhir.server.breakglass;
