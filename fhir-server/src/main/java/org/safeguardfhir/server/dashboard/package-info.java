/**
 * The other side of the dashboard's pseudonymised view (made in the access package, as a resource is shown): turning
 * one pseudonym back into its patient, for the safeguarding lead only, each time audited.
 */
package org.safeguardfhir.server.dashboard;
