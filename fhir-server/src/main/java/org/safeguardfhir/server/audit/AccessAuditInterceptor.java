package org.safeguardfhir.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.Bundle;
import org.safeguardfhir.server.access.BreakGlassGrants;
import org.safeguardfhir.server.access.DeniedRecords;
import org.safeguardfhir.server.access.RestrictedLabels;
import org.safeguardfhir.server.fhir.InterceptorOrder;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.server.security.CallerAuthentication;

/**
 * Audits every request of an authenticated caller that touches restricted records: the restricted records its answer
 * shows (in full or redacted), those the access policy hid from it, and each restricted record it creates, changes or
 * deletes. One AuditEvent per answer, stored before the answer is sent; one per write, in the write's transaction.
 */
@Interceptor
public class AccessAuditInterceptor implements RestInterceptor {

    private static final Set<RestOperationTypeEnum> WRITES = Set.of(
            RestOperationTypeEnum.CREATE,
            RestOperationTypeEnum.UPDATE,
            RestOperationTypeEnum.PATCH,
            RestOperationTypeEnum.DELETE);

    private final AuditTrail trail;
    private final BreakGlassGrants grants;

    public AccessAuditInterceptor(AuditTrail trail, BreakGlassGrants grants) {
        this.trail = trail;
        this.grants = grants;
    }

    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = InterceptorOrder.AUDIT)
    public void answered(RequestDetails request, ResponseDetails response) {
        var operation = request.getRestOperationType();
        if (WRITES.contains(operation)) {
            // The write itself was audited in its transaction; withholding its echo from the writer is no access.
            DeniedRecords.take(request);
            return;
        }
        var shown = new LinkedHashSet<String>();
        if (response.getResponseResource() != null) {
            collect(response.getResponseResource(), request, operation, shown);
        }
        audit(request, shown, false);
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public void failed(RequestDetails request, BaseServerResponseException exception) {
        // Only what the policy denied is audited here: a request that failed for another reason showed nothing.
        audit(request, Set.of(), true);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request) {
        written(request, resource, "create", AuditEventAction.C);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
        if (RestrictedLabels.restricted(previous) || RestrictedLabels.restricted(resource)) {
            written(request, resource, "update", AuditEventAction.U);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void deleted(IBaseResource resource, RequestDetails request) {
        written(request, resource, "delete", AuditEventAction.D);
    }

    private void written(RequestDetails request, IBaseResource resource, String interaction, AuditEventAction action) {
        var caller = CallerAuthentication.current();
        if (caller.isEmpty() || "AuditEvent".equals(resource.fhirType())) {
            return;
        }
        if (RestrictedLabels.restricted(resource) || "update".equals(interaction)) {
            trail.record(new AuditTrail.Access(
                    caller.get(),
                    interaction,
                    action,
                    false,
                    List.of(reference(resource)),
                    address(request),
                    !grants.patients(caller.get()).isEmpty()));
        }
    }

    private void audit(RequestDetails request, Set<String> shown, boolean failed) {
        var caller = CallerAuthentication.current();
        var denied = DeniedRecords.take(request);
        if (caller.isEmpty() || (shown.isEmpty() && denied.isEmpty())) {
            return;
        }
        var records = new LinkedHashSet<>(shown);
        records.addAll(denied);
        var operation = request.getRestOperationType();
        trail.record(new AuditTrail.Access(
                caller.get(),
                interaction(operation),
                operation != null && operation.name().startsWith("EXTENDED_OPERATION")
                        ? AuditEventAction.E
                        : AuditEventAction.R,
                shown.isEmpty(),
                records,
                address(request),
                !grants.patients(caller.get()).isEmpty()));
    }

    /** The restricted records an answer shows; in a batch, only the answers to its GET entries. */
    private static void collect(
            IBaseResource resource, RequestDetails request, RestOperationTypeEnum operation, Set<String> shown) {
        if (resource instanceof Bundle bundle) {
            boolean batch = operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH;
            List<Bundle.BundleEntryComponent> requests =
                    batch && request.getResource() instanceof Bundle sent ? sent.getEntry() : List.of();
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                var entry = bundle.getEntry().get(i);
                boolean read = !batch
                        || (i < requests.size() && requests.get(i).getRequest().getMethod() == Bundle.HTTPVerb.GET);
                if (entry.hasResource() && read) {
                    collect(entry.getResource(), request, RestOperationTypeEnum.SEARCH_TYPE, shown);
                }
            }
        } else if (RestrictedLabels.restricted(resource)) {
            shown.add(reference(resource));
        }
    }

    private static String interaction(RestOperationTypeEnum operation) {
        if (operation == null) {
            return "read";
        }
        return switch (operation) {
            case READ -> "read";
            case VREAD -> "vread";
            case SEARCH_TYPE, GET_PAGE -> "search-type";
            case SEARCH_SYSTEM -> "search-system";
            case HISTORY_INSTANCE -> "history-instance";
            case HISTORY_TYPE -> "history-type";
            case HISTORY_SYSTEM -> "history-system";
            case TRANSACTION -> "transaction";
            case BATCH -> "batch";
            default -> "operation";
        };
    }

    private static String reference(IBaseResource resource) {
        return resource.getIdElement().toUnqualifiedVersionless().getValue();
    }

    private static String address(RequestDetails request) {
        return request instanceof ServletRequestDetails servlet
                ? servlet.getServletRequest().getRemoteAddr()
                : null;
    }
}
