package org.safeguardfhir.server.limits;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.safeguardfhir.server.errors.NamedProblem;

/**
 * A PATCH checked before HAPI applies it: a JSON Patch (RFC 6902) or a FHIRPath Patch (a Parameters resource) must
 * have operations, may not touch the resource's id, meta or type (the server's to set), and may not ask for unbounded
 * work: a JSON Patch copies at most {@link #MAX_COPIES} times (each copy can double the document), and a FHIRPath
 * Patch's paths are short, shallow, parse, and call neither {@code descendants()} nor {@code repeat()}.
 */
final class PatchRequests {

    static final int MAX_COPIES = 4;
    static final int MAX_PATH_LENGTH = 1024;
    static final int MAX_PATH_NESTING = 16;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSON_PATCH_OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final Set<String> FHIRPATH_TYPES = Set.of("add", "insert", "delete", "replace", "move");
    private static final List<String> UNBOUNDED_FUNCTIONS = List.of("descendants(", "repeat(", "resolve(", "trace(");

    private final FhirContext fhirContext;

    PatchRequests(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    Optional<String> jsonPatchProblem(byte[] body) {
        JsonNode operations;
        try {
            operations = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("The JSON Patch is not well-formed JSON");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            return Optional.of("A JSON Patch is a non-empty array of operations");
        }
        int copies = 0;
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            String at = "JSON Patch operation " + i;
            if (!operation.isObject()
                    || !operation.path("op").isTextual()
                    || !operation.path("path").isTextual()) {
                return Optional.of(at + " needs an op and a path");
            }
            if (!JSON_PATCH_OPS.contains(operation.get("op").textValue())) {
                return Optional.of(at + " has an op RFC 6902 does not define");
            }
            for (String pointer : List.of("path", "from")) {
                if (operation.path(pointer).isTextual()
                        && serverOwned(operation.get(pointer).textValue())) {
                    return Optional.of(at + " touches the resource's id, meta or type, which the server sets");
                }
            }
            if (operation.get("op").textValue().equals("copy") && ++copies > MAX_COPIES) {
                return Optional.of("A JSON Patch may copy at most " + MAX_COPIES + " times");
            }
        }
        return Optional.empty();
    }

    Optional<NamedProblem> fhirPathPatchProblem(String resourceType, Parameters patch) {
        List<ParametersParameterComponent> operations = patch.getParameter().stream()
                .filter(parameter ->
                        parameter.getName() != null && parameter.getName().equals("operation"))
                .toList();
        if (operations.isEmpty() || operations.size() != patch.getParameter().size()) {
            return Optional.of(NamedProblem.element(
                    400,
                    "Parameters.parameter",
                    "A FHIRPath Patch is a Parameters resource of one or more parameters named operation"));
        }
        RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(resourceType);
        for (int i = 0; i < operations.size(); i++) {
            Optional<String> problem = operationProblem(definition, operations.get(i), "FHIRPath Patch operation " + i);
            if (problem.isPresent()) {
                // Every parameter is an operation, so operation i is parameter i.
                return Optional.of(NamedProblem.element(400, "Parameters.parameter[" + i + "]", problem.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> operationProblem(
            RuntimeResourceDefinition definition, ParametersParameterComponent operation, String at) {
        String type = part(operation, "type");
        String path = part(operation, "path");
        if (type == null || !FHIRPATH_TYPES.contains(type) || path == null) {
            return Optional.of(at + " needs a type (add, insert, delete, replace, move) and a path");
        }
        Optional<String> pathProblem = pathProblem(path, at);
        if (pathProblem.isPresent()) {
            return pathProblem;
        }
        String root = definition.getName();
        String trimmed = path.trim();
        if (trimmed.equals(root) && !type.equals("add")) {
            return Optional.of(at + " applies to the resource itself; a patch changes its elements");
        }
        if (trimmed.equals(root + ".id") || trimmed.startsWith(root + ".meta")) {
            return Optional.of(at + " touches the resource's id or meta, which the server sets");
        }
        if (type.equals("add") && trimmed.equals(root)) {
            String name = part(operation, "name");
            if (name == null || definition.getChildByName(name) == null) {
                return Optional.of(at + " adds an element " + root + " does not have");
            }
            if (name.equals("id") || name.equals("meta")) {
                return Optional.of(at + " touches the resource's id or meta, which the server sets");
            }
        }
        return Optional.empty();
    }

    private Optional<String> pathProblem(String path, String at) {
        if (path.length() > MAX_PATH_LENGTH) {
            return Optional.of(at + " has a path longer than " + MAX_PATH_LENGTH + " characters");
        }
        int depth = 0;
        for (char c : path.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth > MAX_PATH_NESTING) {
                return Optional.of(at + " has a path nested more than " + MAX_PATH_NESTING + " deep");
            }
        }
        String compact = path.replace(" ", "");
        for (String function : UNBOUNDED_FUNCTIONS) {
            if (compact.contains(function)) {
                return Optional.of(at + " calls " + function + ") in its path, which a patch may not");
            }
        }
        try {
            fhirContext.newFhirPath().parse(path);
        } catch (Exception e) {
            return Optional.of(at + " has a path that is not a valid FHIRPath expression");
        }
        return Optional.empty();
    }

    private static String part(ParametersParameterComponent operation, String name) {
        for (ParametersParameterComponent part : operation.getPart()) {
            if (name.equals(part.getName())
                    && part.getValue() != null
                    && part.getValue().isPrimitive()) {
                return part.getValue().primitiveValue();
            }
        }
        return null;
    }

    private static boolean serverOwned(String pointer) {
        return pointer.equals("")
                || pointer.equals("/id")
                || pointer.equals("/resourceType")
                || pointer.equals("/meta")
                || pointer.startsWith("/meta/");
    }

    /** The FHIRPath Patch in a body, or empty when it is none. */
    Optional<Parameters> parameters(byte[] body, boolean xml) {
        try {
            var parser = xml ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
            return Optional.of(
                    parser.parseResource(Parameters.class, new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (DataFormatException e) {
            return Optional.empty();
        }
    }
}
