package org.safeguardfhir.deidentification.config;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Extension;

/**
 * Rewrites type-suffixed choice names such as {@code valueQuantity} into {@code value.ofType(Quantity)}. People write
 * the JSON names, but HAPI's R4 FHIRPath engine only knows them in a mode where the standard {@code value} form stops
 * working; rewriting keeps both forms valid. A few such names are also real elements elsewhere (Device.property has
 * a valueQuantity), so the rewrite is only a fallback for a path that does not type-check as written.
 */
final class ChoiceNames {

    private static final Map<String, String> REWRITES = scan(FhirPathSupport.context());

    private ChoiceNames() {}

    static String rewrite(String expression) {
        StringBuilder out = new StringBuilder(expression.length() + 16);
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                int end = endOfQuoted(expression, i);
                out.append(expression, i, end);
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < expression.length()
                        && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
                    end++;
                }
                String word = expression.substring(i, end);
                boolean variable = i > 0 && (expression.charAt(i - 1) == '%' || expression.charAt(i - 1) == '$');
                boolean function = end < expression.length() && expression.charAt(end) == '(';
                out.append(variable || function ? word : REWRITES.getOrDefault(word, word));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfQuoted(String expression, int start) {
        char quote = expression.charAt(start);
        int i = start + 1;
        while (i < expression.length() && expression.charAt(i) != quote) {
            i += expression.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, expression.length());
    }

    private static Map<String, String> scan(FhirContext context) {
        Map<String, String> rewrites = new HashMap<>();
        Set<BaseRuntimeElementDefinition<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String type : context.getResourceTypes()) {
            scan(context.getResourceDefinition(type), rewrites, seen);
        }
        scan(context.getElementDefinition(Extension.class), rewrites, seen);
        return Map.copyOf(rewrites);
    }

    private static void scan(
            BaseRuntimeElementDefinition<?> definition,
            Map<String, String> rewrites,
            Set<BaseRuntimeElementDefinition<?>> seen) {
        if (!(definition instanceof BaseRuntimeElementCompositeDefinition<?> composite) || !seen.add(definition)) {
            return;
        }
        for (BaseRuntimeChildDefinition child : composite.getChildren()) {
            String base = child.getElementName();
            if (base.equals("extension") || base.equals("modifierExtension")) {
                // HAPI lists every value[x] type under these names; the Extension definition itself is scanned.
                continue;
            }
            for (String name : child.getValidChildNames()) {
                BaseRuntimeElementDefinition<?> type = child.getChildByName(name);
                if (type == null) {
                    continue;
                }
                if (!name.equals(base) && name.startsWith(base)) {
                    rewrites.put(name, base + ".ofType(" + type.getName() + ")");
                }
                scan(type, rewrites, seen);
            }
        }
    }
}
