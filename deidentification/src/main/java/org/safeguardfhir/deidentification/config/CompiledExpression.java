package org.safeguardfhir.deidentification.config;

import java.util.List;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;

/** A FHIRPath expression parsed once at load time. */
public final class CompiledExpression {

    private final String text;
    private final ExpressionNode node;

    CompiledExpression(String text, ExpressionNode node) {
        this.text = text;
        this.node = node;
    }

    /** Evaluates with {@code focus} as {@code $this} and {@code resource} as {@code %resource}. */
    public List<Base> evaluate(Resource resource, Base focus) {
        return FhirPathSupport.engine().evaluate(null, resource, resource, focus, node);
    }

    public boolean holds(Resource resource, Base focus) {
        return FhirPathSupport.engine().convertToBoolean(evaluate(resource, focus));
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
