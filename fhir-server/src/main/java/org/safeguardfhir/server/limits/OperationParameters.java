package org.safeguardfhir.server.limits;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.safeguardfhir.server.errors.NamedProblem;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Holds a call of one of our own operations to its OperationDefinition in the conformance package before the
 * operation runs: no parameter it does not define (underscore parameters apart), none more often than its max or less than its min, each of its type
 * (a code sent as a string is refused, not read), primitives in their FHIR form, and string parameters at most
 * {@link #MAX_STRING_PARAMETER} characters. Each 400 names the parameter. Of HAPI's own operations, {@code $subsumes}
 * is held to the parameters it works with; the others check their own.
 */
@Interceptor
public class OperationParameters implements RestInterceptor {

    static final int MAX_STRING_PARAMETER = 10_000;
    private static final Set<String> REQUEST_CONTROLS = Set.of("_format", "_pretty", "_summary", "_elements");
    private static final Set<RestOperationTypeEnum> OPERATIONS = Set.of(
            RestOperationTypeEnum.EXTENDED_OPERATION_SERVER,
            RestOperationTypeEnum.EXTENDED_OPERATION_TYPE,
            RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);

    private final FhirContext fhirContext;
    private final IValidationSupport validationSupport;
    private final Map<String, Optional<OperationDefinition>> definitions = new ConcurrentHashMap<>();

    OperationParameters(FhirContext fhirContext, IValidationSupport validationSupport) {
        this.fhirContext = fhirContext;
        this.validationSupport = validationSupport;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        if (!OPERATIONS.contains(operation) || request.getOperation() == null) {
            return;
        }
        String code = request.getOperation().replaceFirst("^\\$", "");
        if (code.equals("subsumes")) {
            subsumesProblem(request).ifPresent(problem -> {
                throw problem.exception();
            });
            return;
        }
        definition(code).flatMap(definition -> problem(definition, request)).ifPresent(problem -> {
            throw problem.exception();
        });
    }

    /** HAPI's $subsumes fails inside on anything but two codes of one system, or two codings. */
    private Optional<NamedProblem> subsumesProblem(RequestDetails request) {
        List<String> names = names(request, body(request));
        boolean codes = names.contains("codeA") && names.contains("codeB") && names.contains("system");
        boolean codings = names.contains("codingA") && names.contains("codingB");
        return codes || codings
                ? Optional.empty()
                : Optional.of(NamedProblem.request(
                        400, "$subsumes compares two codes: codeA, codeB and system, or codingA and codingB"));
    }

    private static List<String> names(RequestDetails request, Parameters body) {
        List<String> names = new ArrayList<>();
        request.getParameters().keySet().stream()
                .filter(name -> !REQUEST_CONTROLS.contains(name))
                .forEach(name -> {
                    for (String ignored : request.getParameters().get(name)) {
                        names.add(name);
                    }
                });
        body.getParameter().forEach(parameter -> names.add(parameter.getName()));
        return names;
    }

    private Optional<OperationDefinition> definition(String code) {
        return definitions.computeIfAbsent(
                code,
                c -> Optional.ofNullable(validationSupport.fetchResource(
                        OperationDefinition.class, Canonicals.BASE + "/OperationDefinition/" + c)));
    }

    private Optional<NamedProblem> problem(OperationDefinition definition, RequestDetails request) {
        Parameters body = body(request);
        List<String> names = names(request, body);
        for (String name : names) {
            // Bulk Data's own underscore parameters (_since, _typeFilter) are the operation's to judge.
            if (name == null
                    || !name.startsWith("_") && inParameter(definition, name).isEmpty()) {
                String diagnostics = (name == null ? "A parameter without a name" : ClientText.quote(name))
                        + " is not a parameter of $" + definition.getCode();
                return Optional.of(
                        name == null
                                ? NamedProblem.element(400, "Parameters.parameter.name", diagnostics)
                                : NamedProblem.http(400, ClientText.clean(name), diagnostics));
            }
        }
        for (OperationDefinitionParameterComponent declared : definition.getParameter()) {
            if (declared.getUse() != OperationParameterUse.IN) {
                continue;
            }
            Optional<NamedProblem> problem = declaredProblem(declared, request, body, names);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<NamedProblem> declaredProblem(
            OperationDefinitionParameterComponent declared,
            RequestDetails request,
            Parameters body,
            List<String> names) {
        String name = declared.getName();
        long count = names.stream().filter(name::equals).count();
        if (!declared.getMax().equals("*") && count > Integer.parseInt(declared.getMax())) {
            return named(name, name + " may be given at most " + declared.getMax() + " time(s)");
        }
        if (count < declared.getMin()) {
            return named(name, name + " is required");
        }
        String type = declared.hasType() ? declared.getType() : null;
        for (String value : request.getParameters().getOrDefault(name, new String[0])) {
            Optional<String> problem =
                    type == null ? Optional.empty() : FhirPrimitives.problem(type, TextNode.valueOf(value), name);
            if (problem.isPresent()) {
                return named(name, problem.get());
            }
            if (value.length() > MAX_STRING_PARAMETER) {
                return named(name, name + " is longer than " + MAX_STRING_PARAMETER + " characters");
            }
        }
        for (int i = 0; i < body.getParameter().size(); i++) {
            ParametersParameterComponent given = body.getParameter().get(i);
            if (!name.equals(given.getName())) {
                continue;
            }
            String element = "Parameters.parameter[" + i + "].value";
            if (type != null
                    && (!given.hasValue() || !given.getValue().fhirType().equals(type))) {
                return Optional.of(NamedProblem.element(
                        400,
                        element,
                        name + " is a " + type + ": send it as value" + Character.toUpperCase(type.charAt(0))
                                + type.substring(1)));
            }
            if (given.hasValue()
                    && given.getValue().isPrimitive()
                    && given.getValue().primitiveValue() != null
                    && given.getValue().primitiveValue().length() > MAX_STRING_PARAMETER) {
                return Optional.of(NamedProblem.element(
                        400, element, name + " is longer than " + MAX_STRING_PARAMETER + " characters"));
            }
        }
        return Optional.empty();
    }

    /** A problem with an operation's parameter, named as the HTTP parameter it is in a GET and a form. */
    private static Optional<NamedProblem> named(String name, String diagnostics) {
        return Optional.of(NamedProblem.http(400, name, diagnostics));
    }

    private static Optional<OperationDefinitionParameterComponent> inParameter(
            OperationDefinition definition, String name) {
        return definition.getParameter().stream()
                .filter(p ->
                        p.getUse() == OperationParameterUse.IN && p.getName().equals(name))
                .findFirst();
    }

    private Parameters body(RequestDetails request) {
        if (request.getResource() instanceof Parameters parameters) {
            return parameters;
        }
        byte[] bytes = request.loadRequestContents();
        if (bytes == null || bytes.length == 0) {
            return new Parameters();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            var parser = text.stripLeading().startsWith("<") ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
            return parser.parseResource(Parameters.class, text);
        } catch (DataFormatException e) {
            throw new InvalidRequestException("The body of $"
                    + request.getOperation().replaceFirst("^\\$", "") + " must be a Parameters resource");
        }
    }
}
