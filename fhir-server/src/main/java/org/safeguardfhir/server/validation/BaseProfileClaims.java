package org.safeguardfhir.server.validation;

import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a claim of the core base type as the base type. Renderers mark what they produce with the type's core
 * definition, some in its version-specific form ({@code http://hl7.org/fhir/4.0/StructureDefinition/<Type>}, as
 * LHC-Forms does), which HAPI's validator cannot resolve; such a claim says nothing beyond the resource type, so it is
 * stored in its canonical form.
 */
final class BaseProfileClaims {

    private static final Pattern VERSIONED_CORE =
            Pattern.compile("http://hl7\\.org/fhir/(?:4\\.0|4\\.0\\.1|R4)/StructureDefinition/([A-Za-z]+)");
    private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";

    private BaseProfileClaims() {}

    static void normalise(IBaseResource resource) {
        if (!(resource instanceof Resource r) || !r.getMeta().hasProfile()) {
            return;
        }
        var claims = new LinkedHashSet<String>();
        for (CanonicalType profile : r.getMeta().getProfile()) {
            String value = profile.getValue();
            if (value == null) {
                continue;
            }
            var versioned = VERSIONED_CORE.matcher(value);
            claims.add(versioned.matches() && versioned.group(1).equals(r.fhirType()) ? CORE + r.fhirType() : value);
        }
        r.getMeta().getProfile().clear();
        claims.forEach(r.getMeta()::addProfile);
    }
}
