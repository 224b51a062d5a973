package org.safeguardfhir.server.limits;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildDirectResource;
import ca.uhn.fhir.context.RuntimeChildExtension;
import ca.uhn.fhir.context.RuntimePrimitiveDatatypeDefinition;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a FHIR JSON resource against HAPI's model of R4 and names the first element whose JSON is not what FHIR's
 * JSON format says: a primitive of the wrong JSON type or lexical form, an array where one value belongs or one value
 * where an array belongs, a null that no {@code _element} extension stands for, an {@code _element} object with
 * anything but {@code id} and {@code extension}. Elements the model does not know are left to HAPI's strict parser,
 * which names them.
 */
final class FhirJsonTypes {

    private final FhirContext fhirContext;
    private final BaseRuntimeElementCompositeDefinition<?> extension;

    FhirJsonTypes(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
        this.extension = (BaseRuntimeElementCompositeDefinition<?>) fhirContext.getElementDefinition("Extension");
    }

    /** What is wrong with this JSON resource, or empty; a body that is no resource is not this check's to judge. */
    Optional<String> problem(JsonNode body) {
        if (!body.isObject() || !body.path("resourceType").isTextual()) {
            return Optional.empty();
        }
        return resource(body, "");
    }

    private Optional<String> resource(JsonNode node, String at) {
        if (!node.isObject()) {
            return Optional.of(at + " must be a resource, a JSON object");
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual()) {
            return Optional.of(at + " has no resourceType");
        }
        BaseRuntimeElementCompositeDefinition<?> definition;
        try {
            definition = fhirContext.getResourceDefinition(type.textValue());
        } catch (DataFormatException e) {
            return Optional.of(
                    (at.isEmpty() ? "" : at + ": ") + "unknown resourceType " + ClientText.quote(type.textValue()));
        }
        return composite(node, definition, at.isEmpty() ? type.textValue() : at);
    }

    private Optional<String> composite(JsonNode node, BaseRuntimeElementCompositeDefinition<?> definition, String at) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String name = field.getKey();
            if (name.equals("resourceType") || name.equals("fhir_comments")) {
                continue;
            }
            Optional<String> problem = name.startsWith("_")
                    ? primitiveExtensions(node, name.substring(1), field.getValue(), definition, at)
                    : child(node, name, field.getValue(), definition, at);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> child(
            JsonNode parent,
            String name,
            JsonNode value,
            BaseRuntimeElementCompositeDefinition<?> definition,
            String at) {
        BaseRuntimeChildDefinition child = definition.getChildByName(name);
        if (child == null) {
            return Optional.empty();
        }
        String path = at + "." + name;
        boolean repeats = child.getMax() != 1;
        if (repeats != value.isArray()) {
            return Optional.of(
                    repeats
                            ? path + " repeats: its JSON value must be an array"
                            : path + " may appear once, not as an array");
        }
        if (value.isArray() && value.isEmpty()) {
            return Optional.of(path + " is an empty array: FHIR leaves an element out instead");
        }
        BaseRuntimeElementDefinition<?> element =
                child instanceof RuntimeChildExtension ? extension : child.getChildByName(name);
        // A resource inside a resource (contained, a Bundle entry's, a Parameters'); RuntimeChildResourceDefinition
        // is a Reference, not one of these.
        boolean resources =
                child instanceof RuntimeChildContainedResources || child instanceof RuntimeChildDirectResource;
        JsonNode extensions = parent.get("_" + name);
        int index = 0;
        for (JsonNode item : value.isArray() ? value : java.util.List.of(value)) {
            String itemPath = value.isArray() ? path + "[" + index + "]" : path;
            Optional<String> problem;
            if (item.isNull()) {
                problem = element instanceof RuntimePrimitiveDatatypeDefinition && hasExtensionAt(extensions, index)
                        ? Optional.empty()
                        : Optional.of(itemPath + " is null"
                                + (element instanceof RuntimePrimitiveDatatypeDefinition
                                        ? " and _" + name + " has no extension in its place"
                                        : ": FHIR JSON has no null elements"));
            } else if (resources) {
                problem = resource(item, itemPath);
            } else {
                problem = element(item, element, itemPath);
            }
            if (problem.isPresent()) {
                return problem;
            }
            index++;
        }
        return Optional.empty();
    }

    private Optional<String> element(JsonNode value, BaseRuntimeElementDefinition<?> element, String path) {
        if (element instanceof RuntimePrimitiveDatatypeDefinition primitive) {
            return FhirPrimitives.problem(primitive.getName(), value, path);
        }
        if (element instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
            if (!value.isObject()) {
                return Optional.of(path + " is a FHIR " + element.getName() + ": its JSON value must be an object");
            }
            return composite(value, composite, path);
        }
        // The narrative's XHTML: a string, checked by HAPI's XHTML parser.
        return value.isTextual() ? Optional.empty() : Optional.of(path + " must be a JSON string of XHTML");
    }

    private Optional<String> primitiveExtensions(
            JsonNode parent,
            String name,
            JsonNode value,
            BaseRuntimeElementCompositeDefinition<?> definition,
            String at) {
        BaseRuntimeChildDefinition child = definition.getChildByName(name);
        String path = at + "._" + name;
        if (child == null) {
            return Optional.empty();
        }
        if (!(child.getChildByName(name) instanceof RuntimePrimitiveDatatypeDefinition)) {
            return Optional.of(path + ": only a primitive element has an _element object");
        }
        JsonNode values = parent.get(name);
        if (value.isArray()) {
            if (values != null && (!values.isArray() || values.size() != value.size())) {
                return Optional.of(path + " must have one entry for each value of " + at + "." + name);
            }
            int index = 0;
            for (JsonNode item : value) {
                if (item.isNull()) {
                    if (values == null || values.get(index).isNull()) {
                        return Optional.of(
                                path + "[" + index + "] and " + at + "." + name + "[" + index + "] are both null");
                    }
                } else {
                    Optional<String> problem = extensionObject(item, path + "[" + index + "]");
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
                index++;
            }
            return Optional.empty();
        }
        return extensionObject(value, path);
    }

    private Optional<String> extensionObject(JsonNode value, String path) {
        if (!value.isObject()) {
            return Optional.of(path + " must be a JSON object with id or extension");
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("extension")) {
                return Optional.of(path + " may hold only id and extension, not " + ClientText.quote(name));
            }
        }
        return composite(value, extension, path);
    }

    private static boolean hasExtensionAt(JsonNode extensions, int index) {
        return extensions != null
                && extensions.isArray()
                && extensions.size() > index
                && !extensions.get(index).isNull();
    }
}
