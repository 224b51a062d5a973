/**
 * The research export: FHIR Bulk Data {@code $export} of de-identified data for researchers, run asynchronously as durable
 * work from a job table, made k-anonymous on the patients' quasi-identifiers, and kept as NDJSON files in the database until they
 * expire.
 */
package org.safeguardfhir.server.export;
