package org.safeguardfhir.server.fhir;

/**
 * Marks a Spring bean as a HAPI interceptor (a class annotated with {@code @Interceptor}) for the FHIR REST layer. The
 * REST server registers every such bean. HAPI's own interceptor beans are not marked: they already sit on its JPA
 * interceptor service, and registering them here too would run them twice.
 */
public interface RestInterceptor {}
