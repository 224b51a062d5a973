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
import org.safeguardfhir.server.errors.NamedProblem;

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
    Optional<NamedProblem> problem(JsonNode body) {
        if (!body.isObject() || !body.path("resourceType").isTextual()) {
            return Optional.empty();
        }
        // The element as FHIRPath names it: a primitive's extensions (JSON's _element) belong to the primitive.
        return resource(body, "")
                .map(found -> NamedProblem.element(
                        400, found.path() == null ? null : found.path().replace("._", "."), found.message()));
    }

    /** A problem and the JSON path of the element it is about. */
    private record Found(String path, String message) {}

    private static Optional<Found> found(String path, String message) {
        return Optional.of(new Found(path, message));
    }

    private Optional<Found> resource(JsonNode node, String at) {
        if (!node.isObject()) {
            return found(at, at + " must be a resource, a JSON object");
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual()) {
            return found(at, at + " has no resourceType");
        }
        BaseRuntimeElementCompositeDefinition<?> definition;
        try {
            definition = fhirContext.getResourceDefinition(type.textValue());
        } catch (DataFormatException e) {
            return found(
                    at.isEmpty() ? null : at,
                    (at.isEmpty() ? "" : at + ": ") + "unknown resourceType " + ClientText.quote(type.textValue()));
        }
        return composite(node, definition, at.isEmpty() ? type.textValue() : at);
    }

    private Optional<Found> composite(JsonNode node, BaseRuntimeElementCompositeDefinition<?> definition, String at) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String name = field.getKey();
            if (name.equals("resourceType") || name.equals("fhir_comments")) {
                continue;
            }
            Optional<Found> problem = name.startsWith("_")
                    ? primitiveExtensions(node, name.substring(1), field.getValue(), definition, at)
                    : child(node, name, field.getValue(), definition, at);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<Found> child(
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
            return found(
                    path,
                    repeats
                            ? path + " repeats: its JSON value must be an array"
                            : path + " may appear once, not as an array");
        }
        if (value.isArray() && value.isEmpty()) {
            return found(path, path + " is an empty array: FHIR leaves an element out instead");
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
            Optional<Found> problem;
            if (item.isNull()) {
                problem = element instanceof RuntimePrimitiveDatatypeDefinition && hasExtensionAt(extensions, index)
                        ? Optional.empty()
                        : found(
                                itemPath,
                                itemPath + " is null"
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

    private Optional<Found> element(JsonNode value, BaseRuntimeElementDefinition<?> element, String path) {
        if (element instanceof RuntimePrimitiveDatatypeDefinition primitive) {
            return FhirPrimitives.problem(primitive.getName(), value, path).map(message -> new Found(path, message));
        }
        if (element instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
            if (!value.isObject()) {
                return found(path, path + " is a FHIR " + element.getName() + ": its JSON value must be an object");
            }
            return composite(value, composite, path);
        }
        // The narrative's XHTML: a string, checked by HAPI's XHTML parser.
        return value.isTextual() ? Optional.empty() : found(path, path + " must be a JSON string of XHTML");
    }

    private Optional<Found> primitiveExtensions(
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
            return found(path, path + ": only a primitive element has an _element object");
        }
        JsonNode values = parent.get(name);
        if (value.isArray()) {
            if (values != null && (!values.isArray() || values.size() != value.size())) {
                return found(path, path + " must have one entry for each value of " + at + "." + name);
            }
            int index = 0;
            for (JsonNode item : value) {
                if (item.isNull()) {
                    if (values == null || values.get(index).isNull()) {
                        return found(
                                path + "[" + index + "]",
                                path + "[" + index + "] and " + at + "." + name + "[" + index + "] are both null");
                    }
                } else {
                    Optional<Found> problem = extensionObject(item, path + "[" + index + "]");
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

    private Optional<Found> extensionObject(JsonNode value, String path) {
        if (!value.isObject()) {
            return found(path, path + " must be a JSON object with id or extension");
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("extension")) {
                return found(path, path + " may hold only id and extension, not " + ClientText.quote(name));
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
