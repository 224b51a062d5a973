/**
 * The safeguarding lead's confirmation of a concern: {@code QuestionnaireResponse/[id]/$confirm-concern} records the
 * suspected-trafficking Conditions a screen alone never records.
 */
package org.safeguardfhir.server.concern;
