package org.safeguardfhir.deidentification.config;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Microsoft-style helpers {@code nodesByType('t')} and {@code nodesByName('n')}: every node of that FHIR type, or
 * held under that element name, anywhere in the resource, contained resources included. A tree walk rather than
 * FHIRPath, because it returns the resource's own nodes, ids included, and never merges equal values.
 */
record TreeWalkSelector(boolean byType, String wanted) implements Selector {

    @Override
    public List<Base> select(Resource resource) {
        List<Base> found = new ArrayList<>();
        collect(resource, found);
        return found;
    }

    private void collect(Base node, List<Base> found) {
        for (Property property : node.children()) {
            for (Base value : property.getValues()) {
                if (value == null) {
                    continue;
                }
                if (byType ? wanted.equals(value.fhirType()) : wanted.equals(baseName(property.getName()))) {
                    found.add(value);
                }
                collect(value, found);
            }
        }
    }

    private static String baseName(String propertyName) {
        return propertyName.endsWith("[x]") ? propertyName.substring(0, propertyName.length() - 3) : propertyName;
    }
}
