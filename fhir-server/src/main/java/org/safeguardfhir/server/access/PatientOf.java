package org.safeguardfhir.server.access;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Reference;

/** Whose record a resource is, by the element that names its patient. */
public final class PatientOf {

    private static final List<String> PATIENT_ELEMENTS = List.of("subject", "patient", "for");

    private PatientOf() {}

    public static Optional<String> reference(IBaseResource resource) {
        if ("Patient".equals(resource.fhirType())) {
            return Optional.of("Patient/" + resource.getIdElement().getIdPart());
        }
        if (!(resource instanceof Base base)) {
            return Optional.empty();
        }
        for (String element : PATIENT_ELEMENTS) {
            var property = base.getNamedProperty(element);
            if (property != null && property.hasValues() && property.getValues().get(0) instanceof Reference ref) {
                String value =
                        ref.getReferenceElement().toUnqualifiedVersionless().getValue();
                if (value != null && value.startsWith("Patient/")) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
