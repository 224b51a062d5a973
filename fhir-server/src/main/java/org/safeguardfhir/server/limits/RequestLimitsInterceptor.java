package org.safeguardfhir.server.limits;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.server.fhir.RestInterceptor;

/**
 * Refuses, before any handler runs, a search that asks too much (parameters, sort keys, paging out of range) and a
 * resource whose shape breaks the limits (see {@link ResourceShape}). Each answer names the limit it hit.
 */
@Interceptor
public class RequestLimitsInterceptor implements RestInterceptor {

    private final ResourceShape shape;
    private final SearchParameters searchParameters;
    private final BundleEntries bundleEntries;

    RequestLimitsInterceptor(RequestLimits limits, SearchParameters searchParameters) {
        this.shape = new ResourceShape(limits);
        this.searchParameters = searchParameters;
        this.bundleEntries = new BundleEntries(searchParameters);
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        searchParameters
                .problem(request.getResourceName(), request.getParameters())
                .ifPresent(problem -> {
                    throw problem.exception();
                });
        if (request.getResource() instanceof Resource resource) {
            shape.problem(resource).ifPresent(problem -> {
                throw new PayloadTooLargeException(problem);
            });
        }
        if ((operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH)
                && request.getResource() instanceof Bundle bundle) {
            bundleEntries.problem(bundle).ifPresent(problem -> {
                throw problem.exception();
            });
        }
    }
}
