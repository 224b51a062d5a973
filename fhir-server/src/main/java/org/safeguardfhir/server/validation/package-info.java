/**
 * Validation on write. Every create and update of the resource types our profiles cover is validated in the storage
 * layer (HAPI's repository-validating interceptor on its JPA interceptor service), so writes by the server's own
 * routes are checked as strictly as writes by clients. A failure answers 422 with an OperationOutcome whose issues
 * name the offending element.
 */
package org.safeguardfhir.server.validation;
