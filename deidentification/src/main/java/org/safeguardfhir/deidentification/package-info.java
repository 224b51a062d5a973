/**
 * The de-identification engine: {@link org.safeguardfhir.deidentification.Deidentifier} copies a FHIR R4 resource
 * keeping only what the configuration's rules allow, transformed as they say, and labels the copy with what was done.
 * A plain library: no Spring, no I/O beyond reading the configuration; keys come from an environment lookup.
 */
package org.safeguardfhir.deidentification;
