package org.safeguardfhir.server.limits;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.server.fhir.RestInterceptor;

/**
 * Refuses, before any handler runs, a search that asks too much (parameters, sort keys, paging out of range) and a
 * resource whose shape breaks the limits (see {@link ResourceShape}). Each answer names the limit it hit.
 */
@Interceptor
public class RequestLimitsInterceptor implements RestInterceptor {

    /** Parameters that shape the answer rather than the query, which do not count against max-search-parameters. */
    private static final Set<String> NOT_CRITERIA = Set.of(
            "_count",
            "_offset",
            "_format",
            "_pretty",
            "_summary",
            "_elements",
            "_total",
            "_sort",
            "_include",
            "_revinclude",
            "_getpages",
            "_getpagesoffset",
            "_bundletype");

    private final RequestLimits limits;
    private final ResourceShape shape;

    RequestLimitsInterceptor(RequestLimits limits) {
        this.limits = limits;
        this.shape = new ResourceShape(limits);
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        checkParameters(request.getParameters());
        if (request.getResource() instanceof Resource resource) {
            shape.problem(resource).ifPresent(problem -> {
                throw new PayloadTooLargeException(problem);
            });
        }
        if ((operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH)
                && request.getResource() instanceof Bundle bundle) {
            BundleEntries.problem(bundle).ifPresent(problem -> {
                throw new InvalidRequestException(problem);
            });
        }
    }

    private void checkParameters(Map<String, String[]> parameters) {
        int criteria = 0;
        for (var parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!NOT_CRITERIA.contains(name)) {
                criteria += parameter.getValue().length;
            }
        }
        if (criteria > limits.maxSearchParameters()) {
            throw new InvalidRequestException("The request has " + criteria + " search parameter values, more than the"
                    + " limit safeguard.limits.max-search-parameters (" + limits.maxSearchParameters() + ")");
        }
        int sortKeys = 0;
        for (String sort : parameters.getOrDefault("_sort", new String[0])) {
            sortKeys += sort.split(",", -1).length;
        }
        if (sortKeys > limits.maxSortKeys()) {
            throw new InvalidRequestException("_sort has " + sortKeys + " keys, more than the limit"
                    + " safeguard.limits.max-sort-keys (" + limits.maxSortKeys() + ")");
        }
        number(parameters, "_count", Integer.MAX_VALUE, "safeguard.fhir.max-page-size caps it");
        number(parameters, "_offset", limits.maxOffset(), "the limit safeguard.limits.max-offset");
    }

    private static void number(Map<String, String[]> parameters, String name, int max, String limit) {
        for (String value : parameters.getOrDefault(name, new String[0])) {
            long parsed;
            try {
                parsed = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(name + " must be a whole number, not " + quote(value));
            }
            if (parsed < 0 || parsed > max) {
                throw new InvalidRequestException(name + " must be between 0 and " + max + " (" + limit + ")");
            }
        }
    }

    private static String quote(String value) {
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
    }
}
