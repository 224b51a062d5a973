/**
 * Who sees what: the access policy by role, scope and security label, and its enforcement on every path of the FHIR
 * REST API (operation checks, search narrowing, HAPI's consent hooks for results and includes, write checks).
 */
package org.safeguardfhir.server.access;
