/**
 * What a client is told when its request fails: always a FHIR OperationOutcome, never exception text, SQL or a stack,
 * with a reference that finds the full story in the log. Covers HAPI's answers, Spring's error page and Tomcat's own
 * protocol errors.
 */
package org.safeguardfhir.server.errors;
