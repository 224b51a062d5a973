package org.safeguardfhir.profiles.sdc;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.PathEngineException;
import org.hl7.fhir.r4.fhirpath.BaseHostServices;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;

/**
 * Evaluates the FHIRPath expressions of SDC Questionnaires (variables, initialExpression, calculatedExpression) as a
 * form filler does: {@code %resource} and the launch context are bound by name, every earlier variable by its name,
 * and the type factory {@code %factory.Coding(system, code[, display])} makes a Coding, since FHIRPath has no other
 * way to produce one and a {@code choice} item needs one. HAPI's engine knows no {@code %factory}; this class adds
 * that one constructor, which is all our questionnaires use.
 */
public final class SdcExpressions {

    private static final String FACTORY = "factory";
    private static final String CODING = "Coding";

    private final FHIRPathEngine engine;

    public SdcExpressions(FhirContext fhirContext) {
        this.engine = new FHIRPathEngine(
                new HapiWorkerContext(fhirContext, new DefaultProfileValidationSupport(fhirContext)));
        // The parser asks the host for functions it does not know, so %factory.Coding must be known before parsing.
        engine.setHostServices(new Host(engine, Map.of()));
    }

    /** Parses an expression; throws on a syntax error, as a form filler would refuse the form. */
    public synchronized ExpressionNode parse(String expression) {
        return engine.parse(expression);
    }

    /**
     * Evaluates {@code expression} with {@code focus} as its context and {@code constants} (names without the
     * {@code %}) bound. Not thread-safe: the engine's host services are set per call.
     */
    public synchronized List<Base> evaluate(Base focus, String expression, Map<String, List<Base>> constants) {
        engine.setHostServices(new Host(engine, constants));
        return engine.evaluate(null, focus instanceof Resource r ? r : null, null, focus, parse(expression));
    }

    private static final class Host extends BaseHostServices {

        private static final StringType FACTORY_OBJECT = new StringType("%factory");

        private final Map<String, List<Base>> constants;

        Host(FHIRPathEngine engine, Map<String, List<Base>> constants) {
            super(engine.getWorker());
            this.constants = constants;
        }

        @Override
        public List<Base> resolveConstant(
                FHIRPathEngine engine, Object appContext, String name, FHIRPathConstantEvaluationMode mode)
                throws PathEngineException {
            String bare = name.startsWith("%") ? name.substring(1) : name;
            if (FACTORY.equals(bare)) {
                return List.of(FACTORY_OBJECT);
            }
            if (mode == FHIRPathConstantEvaluationMode.EXPLICIT && !constants.containsKey(bare)) {
                throw new PathEngineException("Unknown variable %" + bare);
            }
            return constants.getOrDefault(bare, List.of());
        }

        @Override
        public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
            return CODING.equals(functionName) ? new FunctionDetails("%factory.Coding", 2, 4) : null;
        }

        @Override
        public TypeDetails checkFunction(
                FHIRPathEngine engine,
                Object appContext,
                String functionName,
                TypeDetails focus,
                List<TypeDetails> parameters) {
            return new TypeDetails(ExpressionNode.CollectionStatus.SINGLETON, CODING);
        }

        @Override
        public List<Base> executeFunction(
                FHIRPathEngine engine,
                Object appContext,
                List<Base> focus,
                String functionName,
                List<List<Base>> parameters) {
            if (!CODING.equals(functionName) || focus.size() != 1 || focus.get(0) != FACTORY_OBJECT) {
                throw new PathEngineException("Unknown function " + functionName);
            }
            var coding = new Coding(text(parameters, 0), text(parameters, 1), text(parameters, 2));
            if (coding.getCode() == null) {
                return List.of();
            }
            return List.of(coding);
        }

        private static String text(List<List<Base>> parameters, int index) {
            if (parameters.size() <= index || parameters.get(index).isEmpty()) {
                return null;
            }
            return parameters.get(index).get(0).primitiveValue();
        }

        @Override
        public boolean log(String argument, List<Base> focus) {
            return false;
        }

        @Override
        public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext) {
            return null;
        }

        @Override
        public boolean conformsToProfile(FHIRPathEngine engine, Object appContext, Base item, String url) {
            return false;
        }

        @Override
        public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
            return null;
        }

        @Override
        public boolean paramIsType(String name, int index) {
            return false;
        }
    }
}
