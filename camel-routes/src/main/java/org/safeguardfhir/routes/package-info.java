/**
 * Apache Camel routes of Safeguard FHIR (a library; the server runs them). Routes talk FHIR through a small port
 * interface that the server implements, never through HAPI's JPA classes, so they can be tested and reasoned about
 * without a database.
 */
package org.safeguardfhir.routes;
