/**
 * Structured Data Capture for form fillers: {@code Questionnaire/$populate}, which pre-fills a screening from the
 * patient's record by the Questionnaire's own expressions, for clients that cannot evaluate them.
 */
package org.safeguardfhir.server.sdc;
