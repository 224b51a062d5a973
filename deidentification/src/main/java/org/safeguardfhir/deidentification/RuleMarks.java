package org.safeguardfhir.deidentification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.XhtmlType;
import org.safeguardfhir.deidentification.config.Rule;

/**
 * Which node each rule selected, by identity: for every node, the position of the earliest rule whose path selected
 * it. All paths are evaluated against the untouched input before anything is transformed.
 *
 * <p>HAPI's FHIRPath engine hands back new objects for two kinds of value: ids (as unqualified {@code id}s) and
 * narrative (as a string). Those are mapped back to every node of that kind with the same value; when several match,
 * all are marked, which can only remove or transform an equal value, never reveal a different one. Any other value
 * that is not part of the resource was computed by the path, and the rule is a configuration error.
 */
final class RuleMarks {

    private final Set<Base> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<IdType> ids = new ArrayList<>();
    private final List<XhtmlType> narratives = new ArrayList<>();
    private final Map<Base, Integer> marks = new IdentityHashMap<>();

    private RuleMarks(Resource resource) {
        index(resource);
    }

    static Map<Base, Integer> of(Resource resource, List<Rule> rules) {
        RuleMarks marks = new RuleMarks(resource);
        for (int position = 0; position < rules.size(); position++) {
            Rule rule = rules.get(position);
            for (Base selected : rule.select(resource)) {
                marks.mark(rule, selected, position);
            }
        }
        return marks.marks;
    }

    private void mark(Rule rule, Base selected, int position) {
        if (selected == null) {
            return;
        }
        List<? extends Base> targets = nodes.contains(selected) ? List.of(selected) : recreated(selected);
        if (targets.isEmpty()) {
            throw new DeidentificationException(rule.describe() + " selected a value its path computed ("
                    + selected.fhirType() + "), not an element of the resource");
        }
        for (Base target : targets) {
            marks.putIfAbsent(target, position);
        }
    }

    private List<? extends Base> recreated(Base selected) {
        if (selected instanceof IIdType id) {
            String value = id.getValue();
            return ids.stream()
                    .filter(n -> value != null && value.equals(unqualified(n)))
                    .toList();
        }
        String text = selected.primitiveValue();
        return narratives.stream()
                .filter(n -> text != null && text.equals(n.primitiveValue()))
                .toList();
    }

    private static String unqualified(IdType id) {
        return id.toUnqualifiedVersionless().withResourceType(null).getValue();
    }

    private void index(Base node) {
        nodes.add(node);
        if (node instanceof IdType id) {
            ids.add(id);
        } else if (node instanceof XhtmlType xhtml) {
            narratives.add(xhtml);
        }
        for (Property property : node.children()) {
            for (Base value : property.getValues()) {
                if (value != null) {
                    index(value);
                }
            }
        }
    }
}
