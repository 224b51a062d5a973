package org.safeguardfhir.deidentification.config;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.model.Base;

/** Turns a rule's {@code path} (and optional {@code resource}) into a selector, and learns what it can select. */
final class PathCompiler {

    private static final Pattern HELPER =
            Pattern.compile("^(?:([A-Z][A-Za-z]*)\\.)?nodesBy(Type|Name)\\('([A-Za-z][A-Za-z0-9_.\\-]*)'\\)$");
    private static final Pattern LEADING_NAME = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern NAME_CHAIN = Pattern.compile("^[A-Z][A-Za-z]*(\\.[a-z][A-Za-z0-9]*)+$");
    private static final String CORE_PREFIX = "http://hl7.org/fhir/StructureDefinition/";

    private final FhirContext context = FhirPathSupport.context();
    private final FHIRPathEngine engine = FhirPathSupport.engine();

    CompiledPath compile(String where, String path, String declaredResource) {
        checkResourceType(where, declaredResource);
        Matcher helper = HELPER.matcher(path);
        if (helper.matches()) {
            return compileHelper(where, helper, declaredResource);
        }
        String leading = leadingTypeName(where, path);
        String resourceType = resourceType(where, path, declaredResource, leading);
        String contextType = resourceType != null ? resourceType : leading != null ? leading : declaredResource;
        parseNode(where, path);
        Checked checked = checkAsWrittenOrRewritten(where, path, contextType);
        Set<String> types = checked.types();
        Optional<Base> element = probe(path, resourceType);
        if (element.isPresent()) {
            // The model knows finer types than the check: Resource.id is an id, not a string.
            types = Set.of(element.get().fhirType());
        }
        CompiledExpression expression = new CompiledExpression(path, parseNode(where, checked.expression()));
        return new CompiledPath(new FhirPathSelector(expression), resourceType, types, element);
    }

    /** Falls back to rewritten choice names only when the path does not type-check as written. */
    private Checked checkAsWrittenOrRewritten(String where, String path, String contextType) {
        try {
            return new Checked(path, check(where, path, path, contextType));
        } catch (DeidentificationConfigException asWritten) {
            String rewritten = ChoiceNames.rewrite(path);
            if (rewritten.equals(path)) {
                throw asWritten;
            }
            try {
                return new Checked(rewritten, check(where, path, rewritten, contextType));
            } catch (DeidentificationConfigException stillInvalid) {
                throw asWritten;
            }
        }
    }

    private record Checked(String expression, Set<String> types) {}

    /** An expression evaluated against a value, not a resource (generalize cases). */
    CompiledExpression parse(String where, String expression) {
        return new CompiledExpression(expression, parseNode(where, expression));
    }

    private ExpressionNode parseNode(String where, String expression) {
        try {
            return engine.parse(expression);
        } catch (FHIRException e) {
            throw new DeidentificationConfigException(
                    where + ": FHIRPath '" + expression + "' does not parse: " + e.getMessage(), e);
        }
    }

    private CompiledPath compileHelper(String where, Matcher helper, String declaredResource) {
        String prefix = helper.group(1);
        if (prefix != null) {
            checkResourceType(where, prefix);
        }
        String resourceType = narrow(declaredResource != null ? declaredResource : prefix);
        boolean byType = helper.group(2).equals("Type");
        String wanted = helper.group(3);
        if (byType && context.getElementDefinition(wanted) == null && !isResourceType(wanted)) {
            throw new DeidentificationConfigException(where + ": nodesByType names unknown FHIR type '" + wanted + "'");
        }
        Set<String> types = byType ? Set.of(wanted) : Set.of();
        return new CompiledPath(new TreeWalkSelector(byType, wanted), resourceType, types, Optional.empty());
    }

    private String leadingTypeName(String where, String path) {
        Matcher leading = LEADING_NAME.matcher(path);
        if (!leading.find() || !Character.isUpperCase(leading.group(1).charAt(0))) {
            return null;
        }
        String name = leading.group(1);
        checkResourceType(where, name);
        return name;
    }

    private String resourceType(String where, String path, String declared, String leading) {
        if (declared == null && leading == null) {
            throw new DeidentificationConfigException(where + ": path '" + path
                    + "' does not start with a resource type, so the rule needs 'resource: <Type>'");
        }
        if (declared != null && leading != null && !declared.equals(leading) && narrow(leading) != null) {
            throw new DeidentificationConfigException(where + ": resource " + declared + " does not match path '" + path
                    + "', which starts with " + leading);
        }
        return narrow(declared != null ? declared : leading);
    }

    /** check() records type details on the nodes it visits, so it gets its own parse, not the run-time one. */
    private Set<String> check(String where, String path, String expression, String contextType) {
        TypeDetails details;
        try {
            details = engine.check(null, contextType, contextType, contextType, engine.parse(expression));
        } catch (FHIRException e) {
            throw new DeidentificationConfigException(
                    where + ": path '" + path + "' is not valid for " + contextType + ": " + e.getMessage(), e);
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : details.getTypes()) {
            if (!type.startsWith(CORE_PREFIX)) {
                throw new DeidentificationConfigException(where + ": path '" + path + "' computes a value (" + type
                        + ") instead of selecting elements of the resource");
            }
            types.add(type.substring(CORE_PREFIX.length()));
        }
        return types;
    }

    /** Builds the element a plain name chain selects, so its exact class (e.g. a bound Enumeration) is known. */
    private Optional<Base> probe(String path, String resourceType) {
        if (resourceType == null || !NAME_CHAIN.matcher(path).matches()) {
            return Optional.empty();
        }
        try {
            Base node = (Base) context.getResourceDefinition(resourceType).newInstance();
            String[] names = path.split("\\.");
            for (int i = 1; i < names.length; i++) {
                node = node.makeProperty(names[i].hashCode(), names[i]);
            }
            return Optional.ofNullable(node);
        } catch (RuntimeException e) {
            // Choice names and similar have no single class; the type check has covered them.
            return Optional.empty();
        }
    }

    private void checkResourceType(String where, String type) {
        if (type != null && !isResourceType(type) && !isAnyResource(type)) {
            throw new DeidentificationConfigException(where + ": unknown resource type '" + type + "'");
        }
    }

    private boolean isResourceType(String type) {
        return context.getResourceTypes().contains(type);
    }

    private static boolean isAnyResource(String type) {
        return "Resource".equals(type) || "DomainResource".equals(type);
    }

    /** {@code Resource} and {@code DomainResource} mean "every resource type". */
    private static String narrow(String type) {
        return type == null || isAnyResource(type) ? null : type;
    }
}
