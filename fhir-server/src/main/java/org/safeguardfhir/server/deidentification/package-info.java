/**
 * The server's de-identification configurations: loaded and checked at start-up, so a bad rule stops the server and
 * names the rule, with their keys from the environment.
 */
package org.safeguardfhir.server.deidentification;
