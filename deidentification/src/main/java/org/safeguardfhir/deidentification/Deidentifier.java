package org.safeguardfhir.deidentification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

/**
 * Applies a {@link DeidentificationConfig} to resources. Default deny: the output holds only what some rule keeps or
 * transforms; everything else (narrative, extensions, identifiers, contained resources, any element no rule names) is
 * left out. The earliest rule that covers a node decides it; a rule covers the nodes its path selects and everything
 * inside them. Every output says what was done in {@code meta.security} (v3 ObservationValue).
 *
 * <p>Thread-safe once built; the input is never changed.
 */
public final class Deidentifier {

    public static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public static final String AGE_BAND_EXTENSION = "https://safeguardfhir.org/fhir/StructureDefinition/age-band";

    private final DeidentificationConfig config;
    private final FhirContext fhirContext;
    private final ValueMethods methods;

    public Deidentifier(
            DeidentificationConfig config,
            FhirContext fhirContext,
            Function<String, String> environment,
            Clock clock,
            RandomGenerator random) {
        this.config = config;
        this.fhirContext = fhirContext;
        byte[] dateShiftKey = null;
        byte[] hashKey = null;
        byte[] encryptKey = null;
        for (Rule rule : config.rules()) {
            switch (rule.method()) {
                case DATE_SHIFT ->
                    dateShiftKey = Keys.required(config.dateShiftKeyEnv(), "dateShiftKey", rule, environment);
                case CRYPTO_HASH ->
                    hashKey = Keys.required(config.cryptoHashKeyEnv(), "cryptoHashKey", rule, environment);
                case ENCRYPT -> encryptKey = Keys.required(config.encryptKeyEnv(), "encryptKey", rule, environment);
                default -> {
                    // no key
                }
            }
        }
        this.methods = new ValueMethods(dateShiftKey, config.dateShiftRangeDays(), hashKey, encryptKey, clock, random);
    }

    public String configurationName() {
        return config.name();
    }

    /**
     * A de-identified copy of {@code resource}. {@code patientScope} is the patient the resource belongs to (e.g.
     * {@code Patient/123}): every date of one patient shifts by the same number of days. May be null for resources
     * that belong to no patient, whose dates then shift by an offset of their own.
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> T deidentify(T resource, String patientScope) {
        var decisions = new IdentityHashMap<Base, Rule>();
        IFhirPath fhirPath = fhirContext.newFhirPath();
        for (Rule rule : config.rules()) {
            if (!rule.resourceType().equals(resource.fhirType())) {
                continue;
            }
            for (Base node : fhirPath.evaluate(resource, rule.path(), Base.class)) {
                decisions.putIfAbsent(node, rule);
            }
            // FHIRPath answers a resource's id with a new object, not the element itself.
            if (rule.path().equals(resource.fhirType() + ".id")) {
                resource.children().stream()
                        .filter(property -> property.getName().equals("id"))
                        .flatMap(property -> property.getValues().stream())
                        .forEach(id -> decisions.putIfAbsent(id, rule));
            }
        }
        String scope = patientScope != null
                ? patientScope
                : resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        var run = new Run(decisions, scope);
        T output = (T) run.complex(resource, null);
        if (output == null) {
            output = (T) fhirContext.getResourceDefinition(resource).newInstance();
        }
        if (run.ageBandValue != null && output instanceof DomainResource domain) {
            domain.addExtension(AGE_BAND_EXTENSION, new StringType(run.ageBandValue));
        }
        for (String code : run.labels()) {
            output.getMeta().addSecurity(new Coding(OBSERVATION_VALUE, code, null));
        }
        return output;
    }

    /** One resource's pass: which rule decided each node, and what was done. */
    private final class Run {
        private final Map<Base, Rule> decisions;
        private final String scope;
        private final Set<Method> applied = EnumSet.noneOf(Method.class);
        private boolean removed;
        private String ageBandValue;

        Run(Map<Base, Rule> decisions, String scope) {
            this.decisions = decisions;
            this.scope = scope;
        }

        private Rule effective(Base node, Rule inherited) {
            Rule own = decisions.get(node);
            if (own == null) {
                return inherited;
            }
            return inherited == null || own.index() < inherited.index() ? own : inherited;
        }

        Base complex(Base in, Rule inherited) {
            Rule rule = effective(in, inherited);
            if (in.isPrimitive()) {
                return primitive((PrimitiveType<?>) in, rule);
            }
            if (rule != null && rule.method() == Method.CRYPTO_HASH) {
                if (in instanceof Reference reference) {
                    return hashed(reference, rule);
                }
                if (in instanceof Identifier identifier) {
                    return hashed(identifier, rule);
                }
            }
            Base out = newInstance(in);
            boolean any = false;
            for (var property : in.children()) {
                for (Base value : property.getValues()) {
                    if (value == null || value.isEmpty()) {
                        continue;
                    }
                    Base child = complex(value, rule);
                    if (child != null) {
                        out.setProperty(property.getName(), child);
                        any = true;
                    }
                }
            }
            return any ? out : null;
        }

        private Base primitive(PrimitiveType<?> in, Rule rule) {
            if (!in.hasValue()) {
                return null;
            }
            if (rule == null || rule.method() == Method.REDACT) {
                removed = true;
                return null;
            }
            if (rule.method() == Method.GENERALIZE && "ageBand".equals(rule.generalizeTo())) {
                ageBandValue = methods.ageBand(in, rule).orElse(null);
                applied.add(Method.GENERALIZE);
                return null;
            }
            var result = methods.apply(in, rule, scope);
            if (result.isEmpty()) {
                removed = true;
                return null;
            }
            if (rule.method() != Method.KEEP) {
                applied.add(rule.method());
            }
            return result.get();
        }

        private Reference hashed(Reference in, Rule rule) {
            applied.add(Method.CRYPTO_HASH);
            var out = new Reference();
            if (in.hasReference()) {
                // The type stays readable; the hash covers type and id, so equal ids of two types differ.
                String reference = in.getReference();
                int slash = reference.lastIndexOf('/');
                out.setReference(reference.substring(0, slash + 1) + methods.hash(reference));
            }
            if (in.hasIdentifier()) {
                out.setIdentifier(hashed(in.getIdentifier(), rule));
            }
            if (in.hasDisplay()) {
                removed = true;
            }
            return out.isEmpty() ? null : out;
        }

        private Identifier hashed(Identifier in, Rule rule) {
            applied.add(Method.CRYPTO_HASH);
            var out = new Identifier();
            if (in.hasSystem()) {
                out.setSystemElement(new UriType(in.getSystem()));
            }
            if (in.hasValue()) {
                out.setValue(methods.hash(in.getSystem() + "|" + in.getValue()));
            }
            if (in.hasType() || in.hasPeriod() || in.hasAssigner() || in.hasUse()) {
                removed = true;
            }
            return out.isEmpty() ? null : out;
        }

        private Base newInstance(Base in) {
            try {
                return in.getClass().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot copy a " + in.fhirType(), e);
            }
        }

        List<String> labels() {
            var labels = new ArrayList<String>();
            if (removed || applied.contains(Method.REDACT)) {
                labels.add("REDACTED");
            }
            if (applied.contains(Method.CRYPTO_HASH)) {
                labels.add("PSEUDED");
            }
            if (applied.contains(Method.ENCRYPT) || applied.contains(Method.SUBSTITUTE)) {
                labels.add("MASKED");
            }
            if (applied.contains(Method.GENERALIZE)
                    || applied.contains(Method.DATE_SHIFT)
                    || applied.contains(Method.PERTURB)) {
                labels.add("ABSTRED");
            }
            return labels;
        }
    }
}
