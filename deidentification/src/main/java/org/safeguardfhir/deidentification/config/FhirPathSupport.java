package org.safeguardfhir.deidentification.config;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;

/**
 * The R4 FHIR context and FHIRPath engine every configuration and engine shares: building them loads the core
 * StructureDefinitions, which takes seconds, so it happens once per JVM.
 *
 * <p>We use HAPI's underlying {@link FHIRPathEngine} rather than {@code FhirContext.newFhirPath()} because only it can
 * type-check an expression against a resource type without data ({@code check}); that is what lets loading reject a
 * misspelt element or a method the element's type cannot take. Evaluation keeps its state per call, not in the engine,
 * so one instance serves all threads (ConcurrencyTest holds the engine to that).
 */
public final class FhirPathSupport {

    private FhirPathSupport() {}

    public static FhirContext context() {
        return Holder.CONTEXT;
    }

    public static FHIRPathEngine engine() {
        return Holder.ENGINE;
    }

    private static final class Holder {
        static final FhirContext CONTEXT = FhirContext.forR4Cached();
        static final FHIRPathEngine ENGINE =
                new FHIRPathEngine(new HapiWorkerContext(CONTEXT, CONTEXT.getValidationSupport()));
    }
}
