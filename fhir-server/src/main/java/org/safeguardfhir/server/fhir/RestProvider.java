package org.safeguardfhir.server.fhir;

/** Marks a bean that is a plain provider (operations) for the FHIR REST server, which registers every one it finds. */
public interface RestProvider {}
