package org.safeguardfhir.deidentification.config;

import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;

/**
 * One entry of {@code rules}: the nodes its path selects, and everything inside them, are decided by its method unless
 * an earlier rule already covers them.
 *
 * @param index position in the configuration, from 0, as in error messages ({@code rules[2]})
 * @param resourceType the resource type the rule applies to, or {@code null} for every type
 */
public record Rule(
        int index, String path, String resourceType, Method method, MethodOptions options, Selector selector) {

    public boolean appliesTo(Resource resource) {
        return resourceType == null || resourceType.equals(resource.fhirType());
    }

    public List<Base> select(Resource resource) {
        return selector.select(resource);
    }

    /** How error messages name the rule. */
    public String describe() {
        return describe(index, path);
    }

    static String describe(int index, String path) {
        return "rules[" + index + "] (" + (path == null ? "no path" : path) + ")";
    }
}
