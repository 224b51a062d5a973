/**
 * Background work on the server: operators' dead letters of every kind of durable work, and the woken-and-polling
 * worker that the notification relay and the export still drain their own tables with.
 */
package org.safeguardfhir.server.worker;
