package org.safeguardfhir.deidentification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.XhtmlType;
import org.safeguardfhir.deidentification.config.Method;
import org.safeguardfhir.deidentification.config.Rule;

/**
 * One de-identification: a walk over the input that builds a new resource holding only what rules decide to keep.
 * A node is decided by the earliest rule covering it, where a rule covers the nodes it selected and everything inside
 * them; a node no rule covers is left out. Built fresh per call, so the shared engine stays stateless.
 */
final class DeidentifiedCopy {

    private final List<Rule> rules;
    private final Map<Base, Integer> marks;
    private final ValueMethods methods;
    private final IntSupplier dateShiftDays;
    private final Resource root;
    private final Set<SecurityLabel> labels = EnumSet.noneOf(SecurityLabel.class);
    private final Deque<List<Extension>> resourceExtensions = new ArrayDeque<>();

    DeidentifiedCopy(Resource root, List<Rule> rules, ValueMethods methods, IntSupplier dateShiftDays) {
        this.root = root;
        this.rules = rules;
        this.marks = RuleMarks.of(root, rules);
        this.methods = methods;
        this.dateShiftDays = dateShiftDays;
    }

    Resource build() {
        Resource copy = copyResource(root, marks.get(root));
        for (SecurityLabel label : labels) {
            boolean present = copy.getMeta().getSecurity().stream()
                    .anyMatch(c -> SecurityLabel.SYSTEM.equals(c.getSystem())
                            && label.name().equals(c.getCode()));
            if (!present) {
                copy.getMeta().addSecurity(label.toCoding());
            }
        }
        return copy;
    }

    private Resource copyResource(Resource source, Integer rule) {
        Resource target = (Resource) newInstance(source);
        resourceExtensions.push(new ArrayList<>());
        copyChildren(source, target, rule);
        List<Extension> added = resourceExtensions.pop();
        if (target instanceof DomainResource domainResource) {
            added.forEach(domainResource::addExtension);
        } else if (!added.isEmpty()) {
            labels.add(SecurityLabel.REDACTED);
        }
        return target;
    }

    private void copyChildren(Base source, Base target, Integer inherited) {
        for (Property property : source.children()) {
            if (source instanceof Extension && "url".equals(property.getName())) {
                continue;
            }
            for (Base value : property.getValues()) {
                if (value instanceof XhtmlType) {
                    copyNarrative((Narrative) source, (Narrative) target, decidingRule(value, inherited));
                } else if (value != null && !value.isEmpty()) {
                    Base copied = copyNode(value, source, property.getName(), decidingRule(value, inherited));
                    if (copied != null) {
                        target.setProperty(property.getName(), copied);
                    }
                }
            }
        }
        if (source instanceof Extension extension && !target.isEmpty()) {
            // The url names the extension's definition, not anyone's data: it goes wherever the content goes.
            ((Extension) target).setUrl(extension.getUrl());
        }
    }

    /** @return the copy, or {@code null} when nothing of the node survives */
    private Base copyNode(Base source, Base parent, String property, Integer rule) {
        if (source instanceof Resource contained) {
            Resource copy = copyResource(contained, rule);
            return copy.isEmpty() ? null : copy;
        }
        if (source instanceof PrimitiveType<?> primitive) {
            return copyPrimitive(primitive, parent, property, rule);
        }
        Base target = newInstance(source);
        copyChildren(source, target, rule);
        return target.isEmpty() ? null : target;
    }

    /** The narrative's XHTML is kept whole or not at all: no method can transform markup safely. */
    private void copyNarrative(Narrative source, Narrative target, Integer rule) {
        if (source.getDiv() == null || source.getDiv().isEmpty()) {
            return;
        }
        if (rule != null && rules.get(rule).method() == Method.KEEP) {
            target.setDiv(source.getDiv().copy());
        } else {
            labels.add(SecurityLabel.REDACTED);
        }
    }

    private Base copyPrimitive(PrimitiveType<?> source, Base parent, String property, Integer rule) {
        PrimitiveType<?> value = null;
        if (source.hasValue()) {
            value = transform(source, parent, property, rule);
        }
        PrimitiveType<?> target = value != null ? value : PrimitiveCopies.blank(source);
        // The element's own id and extensions are inside it, so the same rule decides them.
        copyChildren(source, target, rule);
        return target.isEmpty() ? null : target;
    }

    private PrimitiveType<?> transform(PrimitiveType<?> source, Base parent, String property, Integer rule) {
        if (rule == null) {
            labels.add(SecurityLabel.REDACTED);
            return null;
        }
        boolean direct = rule.equals(marks.get(source));
        ValueOutcome outcome =
                methods.apply(rules.get(rule), new ValueSite(source, parent, property, direct, root), dateShiftDays);
        if (outcome.label() != null) {
            labels.add(outcome.label());
        }
        if (outcome.resourceExtension() != null) {
            resourceExtensions.peek().add(outcome.resourceExtension());
        } else if (outcome.value() == null) {
            labels.add(SecurityLabel.REDACTED);
        }
        return outcome.value();
    }

    private Integer decidingRule(Base node, Integer inherited) {
        Integer own = marks.get(node);
        if (own == null) {
            return inherited;
        }
        return inherited == null ? own : Math.min(own, inherited);
    }

    private static Base newInstance(Base source) {
        try {
            return source.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("every HAPI R4 model class has a public no-argument constructor", e);
        }
    }
}
