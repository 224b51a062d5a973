package org.safeguardfhir.server.export;

import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Parameters;

/**
 * A kick-off request's parameters, checked: which configuration, which resource types. Bulk Data parameters this
 * server does not offer are refused rather than ignored, since a client that asked for {@code _since} or a patient
 * subset and got everything would draw the wrong conclusions.
 *
 * @param configuration the de-identification configuration the export is made with
 * @param types the resource types to export, in the order the configuration names them
 */
record ExportRequest(String configuration, List<String> types) {

    static final String TYPE = "_type";
    static final String OUTPUT_FORMAT = "_outputFormat";
    static final String CONFIGURATION = "deidentification";

    static final Set<String> OUTPUT_FORMATS = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");

    /** Bulk Data kick-off parameters this server does not support. */
    static final Set<String> UNSUPPORTED = Set.of(
            "_since", "_until", "_typeFilter", "_elements", "patient", "includeAssociatedData", "organizeOutputBy");

    /** Parameters any FHIR request may carry. */
    private static final Set<String> GENERAL = Set.of("_format", "_pretty");

    /** A kick-off's query parameters, and those of a POSTed Parameters resource, by name. */
    static Map<String, List<String>> parameters(ServletRequestDetails request) {
        var parameters = new LinkedHashMap<String, List<String>>();
        if (request.getRequestType() == RequestTypeEnum.POST && request.getResource() instanceof Parameters body) {
            for (var parameter : body.getParameter()) {
                parameters
                        .computeIfAbsent(parameter.getName(), n -> new ArrayList<>())
                        .add(
                                parameter.getValue() == null
                                        ? ""
                                        : parameter.getValue().primitiveValue());
            }
        }
        request.getParameters()
                .forEach((name, values) ->
                        parameters.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Arrays.asList(values)));
        return parameters;
    }

    /**
     * @param parameters each parameter's values, as the query string or a Parameters body gives them
     * @param configurations the configurations an export may use; the first is the default
     * @param typesOf the resource types a configuration exports
     */
    static ExportRequest parse(
            Map<String, List<String>> parameters, List<String> configurations, Function<String, Set<String>> typesOf) {
        for (String name : parameters.keySet()) {
            if (UNSUPPORTED.contains(name)) {
                throw new InvalidRequestException("This server does not support the $export parameter " + name
                        + "; every export covers all current data of the types asked for.");
            }
            if (!name.equals(TYPE)
                    && !name.equals(OUTPUT_FORMAT)
                    && !name.equals(CONFIGURATION)
                    && !GENERAL.contains(name)) {
                throw new InvalidRequestException(
                        "Unknown $export parameter " + name + "; use _type, _outputFormat and deidentification.");
            }
        }
        for (String format : parameters.getOrDefault(OUTPUT_FORMAT, List.of())) {
            if (!OUTPUT_FORMATS.contains(format.trim())) {
                throw new InvalidRequestException(
                        "_outputFormat " + format + " is not offered; use application/fhir+ndjson.");
            }
        }
        var names = parameters.getOrDefault(CONFIGURATION, List.of());
        if (names.size() > 1) {
            throw new InvalidRequestException("Name one deidentification configuration, not " + names.size() + ".");
        }
        String configuration =
                names.isEmpty() ? configurations.get(0) : names.get(0).trim();
        if (!configurations.contains(configuration)) {
            throw new InvalidRequestException("There is no export configuration " + configuration
                    + "; the server offers " + String.join(", ", configurations) + ".");
        }
        Set<String> offered = typesOf.apply(configuration);
        var asked = new LinkedHashSet<String>();
        for (String value : parameters.getOrDefault(TYPE, List.of())) {
            for (String type : value.split(",")) {
                String trimmed = type.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!offered.contains(trimmed)) {
                    throw new InvalidRequestException("The " + configuration + " export does not include " + trimmed
                            + "; it offers " + String.join(", ", offered) + ".");
                }
                asked.add(trimmed);
            }
        }
        var types = new ArrayList<String>();
        for (String type : offered) {
            if (asked.isEmpty() || asked.contains(type)) {
                types.add(type);
            }
        }
        return new ExportRequest(configuration, types);
    }
}
