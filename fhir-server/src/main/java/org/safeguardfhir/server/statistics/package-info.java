/**
 * {@code $safeguarding-statistics}: counts for dashboards and public-health teams, with NHS-style small-number
 * suppression and secondary suppression, so that no published figure identifies a patient.
 */
package org.safeguardfhir.server.statistics;
