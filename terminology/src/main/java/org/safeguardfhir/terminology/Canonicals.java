package org.safeguardfhir.terminology;

/**
 * Canonical URLs of Safeguard FHIR artefacts. Every artefact's canonical is {@code <BASE>/<ResourceType>/<id>}, the
 * convention the FHIR IG Publisher uses, so a URL can be derived from the file that holds the artefact.
 */
public final class Canonicals {

    public static final String BASE = "https://safeguardfhir.org/fhir";

    private Canonicals() {}

    public static String of(String resourceType, String id) {
        if (resourceType.isBlank() || id.isBlank() || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Artefact ids are kebab-case: " + resourceType + "/" + id);
        }
        return BASE + "/" + resourceType + "/" + id;
    }

    public static String codeSystem(String id) {
        return of("CodeSystem", id);
    }

    public static String valueSet(String id) {
        return of("ValueSet", id);
    }
}
