/**
 * The only Spring Boot application of Safeguard FHIR. Feature packages: {@code database} (embedded default
 * PostgreSQL), {@code fhir} (HAPI FHIR JPA wiring and the REST servlet).
 */
package org.safeguardfhir.server;
