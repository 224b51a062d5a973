package org.safeguardfhir.server.limits;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Locale;
import java.util.Optional;
import org.safeguardfhir.server.errors.NamedProblem;
import org.safeguardfhir.server.fhir.RestInterceptor;

/** Refuses, before HAPI applies it, a PATCH that {@link PatchRequests} finds wrong, naming the operation. */
@Interceptor
public class PatchInterceptor implements RestInterceptor {

    private final PatchRequests patches;

    PatchInterceptor(PatchRequests patches) {
        this.patches = patches;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation != RestOperationTypeEnum.PATCH) {
            return;
        }
        boolean conditional = request.getConditionalUrl(RestOperationTypeEnum.PATCH) != null;
        if (!conditional && (request.getId() == null || !request.getId().hasIdPart())) {
            throw NamedProblem.request(400, "A PATCH names the resource: [type]/[id], or [type]?[criteria]")
                    .exception();
        }
        String contentType = request.getHeader("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        byte[] body = request.loadRequestContents();
        Optional<NamedProblem> problem;
        if (type.startsWith("application/json-patch+json")) {
            // A JSON Patch is no FHIR resource: its problems name the operation by index, not an element.
            problem = patches.jsonPatchProblem(body == null ? new byte[0] : body)
                    .map(found -> NamedProblem.request(400, found));
        } else if (body == null || body.length == 0) {
            problem = Optional.of(NamedProblem.request(400, "A PATCH has a body: a JSON Patch or a FHIRPath Patch"));
        } else {
            problem = patches.parameters(body, type.contains("xml"))
                    .map(parameters -> patches.fhirPathPatchProblem(request.getResourceName(), parameters))
                    .orElse(Optional.of(NamedProblem.request(400, "A FHIRPath Patch is a Parameters resource")));
        }
        problem.ifPresent(found -> {
            throw found.exception();
        });
    }
}
