/** Background workers that drain a table: woken when work commits, polling as a safety net. */
package org.safeguardfhir.server.worker;
