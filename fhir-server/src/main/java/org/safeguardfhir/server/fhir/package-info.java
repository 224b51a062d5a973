/**
 * HAPI FHIR JPA wiring: storage settings, the entity manager of HAPI's persistence unit, and the FHIR REST servlet at
 * {@code /fhir}. Only the HAPI modules we use are imported (no MDM, clinical reasoning, full-text search, GraphQL or
 * bulk operations), which keeps start-up time and memory down and keeps the CapabilityStatement true.
 */
package org.safeguardfhir.server.fhir;
