package org.safeguardfhir.profiles.packaging;

import org.safeguardfhir.profiles.ConformancePackage;

/** The {@code package.json} of the conformance package, as FHIR NPM packages describe themselves. */
final class PackageManifest {

    private PackageManifest() {}

    static String json(int artefactCount) {
        return """
                {
                  "name": "%s",
                  "version": "%s",
                  "type": "fhir.ig",
                  "canonical": "%s",
                  "url": "%s",
                  "title": "Safeguard FHIR screening",
                  "description": "Trafficking and modern slavery screening for health services: questionnaires, \
                profiles and terminology (%d artefacts).",
                  "fhirVersions": ["4.0.1"],
                  "dependencies": {"hl7.fhir.r4.core": "4.0.1"},
                  "author": "Safeguard FHIR",
                  "license": "Apache-2.0"
                }
                """
                .formatted(
                        ConformancePackage.ID,
                        ConformancePackage.VERSION,
                        ConformancePackage.CANONICAL,
                        ConformancePackage.CANONICAL,
                        artefactCount);
    }
}
