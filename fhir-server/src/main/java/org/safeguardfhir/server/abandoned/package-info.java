/**
 * A read whose client has gone stops using the database: Tomcat does not notice a closed connection while a request
 * thread waits on PostgreSQL, so a hostile or merely slow search would go on burning the database until the statement
 * timeout. Requests that run for longer than a moment are checked against the kernel's socket table, and the
 * statements of one whose client has closed its connection are cancelled in PostgreSQL.
 */
package org.safeguardfhir.server.abandoned;
