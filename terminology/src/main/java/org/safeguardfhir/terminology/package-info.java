/**
 * Safeguard FHIR terminology: our CodeSystems, ValueSets and ConceptMaps live as FHIR JSON under
 * {@code src/main/resources/fhir}; this package names their canonical URLs for Java code.
 */
package org.safeguardfhir.terminology;
