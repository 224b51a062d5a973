package org.safeguardfhir.deidentification.config;

import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;

/** Selects with a FHIRPath expression evaluated against the resource. */
record FhirPathSelector(CompiledExpression expression) implements Selector {

    @Override
    public List<Base> select(Resource resource) {
        return expression.evaluate(resource, resource);
    }
}
