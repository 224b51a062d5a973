package org.safeguardfhir.deidentification.config;

/**
 * A key named by the environment variable that holds it, Base64-encoded. The configuration never holds the key
 * itself, so configuration files can be reviewed, versioned and shared without exposing it.
 */
public record EnvironmentKey(String variable) {}
