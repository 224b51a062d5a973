/**
 * Limits on what one request may ask of the server, so that bad or hostile input is refused with a 4xx that names the
 * limit instead of costing a 5xx, a hang or the memory of every other user: request body size, well-formed text, the
 * shape of a resource (entries, contained resources, repeats, depth), search parameters, sort keys and paging, and a
 * database statement timeout.
 */
package org.safeguardfhir.server.limits;
