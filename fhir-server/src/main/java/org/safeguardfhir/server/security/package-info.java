/**
 * Who is calling: Bearer JWT authentication (an external issuer, a fixed public key, or the embedded default's local
 * issuer), the caller's roles and SMART scopes, and the HTTP answers to a missing or refused token.
 */
package org.safeguardfhir.server.security;
