/**
 * The Safeguard FHIR conformance package ({@code org.safeguardfhir.screening}): Questionnaires, StructureDefinitions
 * and examples as FHIR JSON under {@code src/main/resources/fhir}, built on the terminology module.
 */
package org.safeguardfhir.profiles;
