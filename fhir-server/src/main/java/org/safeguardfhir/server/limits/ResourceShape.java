package org.safeguardfhir.server.limits;

import java.util.Optional;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whether a parsed resource keeps the limits on its shape: Bundle entries, contained resources, values of one
 * repeating element and nesting depth. Checked before validation and storage, which cost far more per element than
 * this walk, so that a 100,000-item response or 20,000 contained resources are refused at once.
 */
final class ResourceShape {

    private final RequestLimits limits;

    ResourceShape(RequestLimits limits) {
        this.limits = limits;
    }

    /** The first limit the resource breaks, as a sentence naming the element and the limit; empty when none. */
    Optional<String> problem(Resource resource) {
        return walk(resource, resource.fhirType(), 1);
    }

    private Optional<String> walk(Base element, String path, int depth) {
        if (depth > limits.maxDepth()) {
            return Optional.of(
                    path + " is nested deeper than the limit safeguard.limits.max-depth (" + limits.maxDepth() + ")");
        }
        if (element instanceof Bundle bundle && bundle.getEntry().size() > limits.maxBundleEntries()) {
            return Optional.of("Bundle has " + bundle.getEntry().size() + " entries, more than the limit"
                    + " safeguard.limits.max-bundle-entries (" + limits.maxBundleEntries() + ")");
        }
        if (element instanceof DomainResource domain && domain.getContained().size() > limits.maxContained()) {
            return Optional.of(path + ".contained has " + domain.getContained().size()
                    + " resources, more than the limit safeguard.limits.max-contained (" + limits.maxContained() + ")");
        }
        for (Property property : element.children()) {
            if (!property.hasValues()) {
                continue;
            }
            String child = path + "." + property.getName();
            boolean entries = element instanceof Bundle && property.getName().equals("entry");
            if (!entries && property.getValues().size() > limits.maxRepeats()) {
                return Optional.of(child + " has " + property.getValues().size()
                        + " values, more than the limit safeguard.limits.max-repeats (" + limits.maxRepeats() + ")");
            }
            for (Base value : property.getValues()) {
                Optional<String> problem = walk(value, child, depth + 1);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }
}
