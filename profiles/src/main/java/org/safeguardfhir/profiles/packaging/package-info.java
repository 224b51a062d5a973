/**
 * Builds the FHIR NPM package {@code org.safeguardfhir.screening} (a gzipped tar with {@code package/package.json}
 * and one file per artefact) from the artefact sources of the terminology and profiles modules. The build writes it
 * into the profiles jar, where the server installs it from, and other FHIR tools can load the same file.
 */
package org.safeguardfhir.profiles.packaging;
