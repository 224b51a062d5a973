package org.safeguardfhir.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.safeguardfhir.server.FhirServerApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boots the whole server once per test JVM on a random port against real PostgreSQL. Every test class carrying this
 * annotation shares that one Spring context, and can inject an {@code IGenericClient} talking HTTP to it (a HAPI boot is expensive), so tests must not depend on an empty
 * database beyond the types and identifiers they own. Metrics export stays on, as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = FhirServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
@ContextConfiguration(initializers = PostgresTestDatabaseInitializer.class)
@Import({FhirClientTestConfiguration.class, PipelineFaultsTestConfiguration.class})
public @interface FhirServerIntegrationTest {}
