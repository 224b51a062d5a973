/**
 * The port through which routes read and write FHIR resources. The server implements it on HAPI's storage, inside the
 * route's transaction; tests can implement it in memory. Routes never see HAPI's JPA classes.
 */
package org.safeguardfhir.routes.fhir;
