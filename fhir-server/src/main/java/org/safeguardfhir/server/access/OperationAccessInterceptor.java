package org.safeguardfhir.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.server.security.SmartScope.Interaction;

/**
 * Decides, before HAPI runs a request, whether the caller may make it at all: the interaction on the type by role and
 * scope, and, for callers who do not see restricted data, no history, no tag or meta operations, no {@code $everything}
 * and no search parameter that could probe restricted data indirectly ({@code _has}, chains, counts, free text). Such
 * probes answer 400 rather than an answer computed without the hidden data, which could still be compared against
 * one computed with it. Each feature declares who may run its operations ({@link OperationAccess}). What a permitted
 * request returns is filtered by {@link LabelConsentService}.
 */
@Interceptor
class OperationAccessInterceptor implements RestInterceptor {

    /** Operations on definitions that anyone who may read the definition may run. */
    private static final Set<String> TERMINOLOGY_OPERATIONS =
            Set.of("$expand", "$validate-code", "$lookup", "$subsumes", "$translate");

    /** HAPI's expunge, which would erase history that the audit trail and break-glass reviews rely on. */
    private static final Set<String> EXPUNGE = Set.of("$expunge", "$delete-expunge");

    /** HAPI's meta operations, which would add a label the server does not know or remove a restriction. */
    private static final Set<String> META_CHANGES = Set.of("$meta-add", "$meta-delete");

    private static final Set<String> PROBING_PARAMETERS =
            Set.of("_filter", "_text", "_content", "_list", "_query", "_contained", "_containedType", "_security");

    /** The only parameters a search for Flags may use when the caller sees them redacted. */
    private static final Set<String> REDACTED_FLAG_PARAMETERS =
            Set.of("subject", "patient", "status", "_id", "_count", "_format", "_pretty", "_elements", "_summary");

    private final List<OperationAccess> featureOperations;
    private final PseudonymisedView dashboardView;

    OperationAccessInterceptor(List<OperationAccess> featureOperations, PseudonymisedView dashboardView) {
        this.featureOperations = List.copyOf(featureOperations);
        this.dashboardView = dashboardView;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation == RestOperationTypeEnum.METADATA) {
            return;
        }
        Caller caller = CallerAuthentication.current()
                .orElseThrow(() -> new AuthenticationException("Authentication required: send a valid Bearer token."));
        String type = request.getResourceName();
        switch (operation) {
            case READ -> requireRead(caller, type, Interaction.READ);
            case VREAD -> {
                requireRead(caller, type, Interaction.READ);
                if (AccessPolicy.seesPseudonymised(caller, type)) {
                    throw forbidden("The dashboard's view of " + type + " has no earlier versions.");
                }
            }
            case SEARCH_TYPE -> {
                requireRead(caller, type, Interaction.SEARCH);
                requireNoProbes(caller, type, request.getParameters());
            }
            case GET_PAGE -> {
                // Paging links are bound to whoever ran the search: SearchNarrowingInterceptor checks them.
            }
            case CREATE -> requireWrite(caller, type, Interaction.CREATE);
            case UPDATE, PATCH -> requireWrite(caller, type, Interaction.UPDATE);
            case DELETE -> requireWrite(caller, type, Interaction.DELETE);
            case TRANSACTION, BATCH -> {
                // Each entry is checked as it is stored (WriteAccessInterceptor) and its GETs below.
            }
            case VALIDATE -> {
                if (!AccessPolicy.mayWrite(caller, type, Interaction.CREATE)
                        && !AccessPolicy.mayWrite(caller, type, Interaction.UPDATE)) {
                    throw forbidden("Your role does not allow writing " + type + ", so not validating it either.");
                }
            }
            case EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_SERVER ->
                requireOperation(caller, type, request.getOperation());
            default -> {
                // History, system search, $meta and tags, GraphQL: only for those who see everything.
                if (!AccessPolicy.seesRestricted(caller)) {
                    throw forbidden("This interaction is only available to the safeguarding lead.");
                }
            }
        }
    }

    /**
     * Checks a batch or transaction entry by entry before any is processed: writes against the roles' write
     * permissions, and GETs, which would bypass the checks above, only for those who see everything.
     */
    @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
    public void checkEntries(RequestDetails request, IBaseBundle bundle) {
        var caller = CallerAuthentication.current();
        if (caller.isEmpty() || !(bundle instanceof Bundle r4)) {
            return;
        }
        for (var entry : r4.getEntry()) {
            var method = entry.getRequest().getMethod();
            if (method == Bundle.HTTPVerb.GET || method == Bundle.HTTPVerb.HEAD) {
                if (!AccessPolicy.seesRestricted(caller.get())) {
                    throw new InvalidRequestException(
                            "Reads inside a batch or transaction are not available to your role; send them as requests.");
                }
                continue;
            }
            String type = entry.hasResource()
                    ? entry.getResource().fhirType()
                    : entry.getRequest().getUrl().split("[/?]", 2)[0];
            var interaction =
                    switch (method) {
                        case POST -> Interaction.CREATE;
                        case DELETE -> Interaction.DELETE;
                        default -> Interaction.UPDATE;
                    };
            requireWrite(caller.get(), type, interaction);
        }
    }

    private static void requireRead(Caller caller, String type, Interaction interaction) {
        if (!AccessPolicy.mayRead(caller, type, interaction)) {
            throw forbidden("Your role or scopes do not allow reading " + type + ".");
        }
    }

    private static void requireWrite(Caller caller, String type, Interaction interaction) {
        if (!AccessPolicy.mayWrite(caller, type, interaction)) {
            throw forbidden("Your role or scopes do not allow writing " + type + ".");
        }
    }

    private void requireOperation(Caller caller, String type, String operation) {
        for (OperationAccess declared : featureOperations) {
            if (declared.governs(type, operation)) {
                if (!declared.allowed().test(caller)) {
                    throw forbidden(declared.refusal());
                }
                return;
            }
        }
        if (TERMINOLOGY_OPERATIONS.contains(operation) && type != null && AccessPolicy.CONFORMANCE.contains(type)) {
            requireRead(caller, type, Interaction.READ);
        } else if ("$validate".equals(operation) && type != null) {
            if (!AccessPolicy.mayWrite(caller, type, Interaction.CREATE)) {
                throw forbidden("Your role does not allow writing " + type + ", so not validating it either.");
            }
        } else if (EXPUNGE.contains(operation)) {
            throw forbidden("Expunging is not offered: deleted versions are kept for the audit trail.");
        } else if (META_CHANGES.contains(operation)) {
            throw forbidden("Labels and tags are the server's: a write may ask for restriction, nothing removes it.");
        } else if (!AccessPolicy.seesRestricted(caller)) {
            throw forbidden("The operation " + operation + " is only available to the safeguarding lead.");
        }
    }

    private void requireNoProbes(Caller caller, String type, Map<String, String[]> parameters) {
        if (AccessPolicy.seesRestricted(caller)) {
            return;
        }
        if (AccessPolicy.seesPseudonymised(caller, type)) {
            dashboardView.checkSearch(type, parameters);
        }
        boolean redactedFlags = "Flag".equals(type) && AccessPolicy.seesRedactedFlags(caller);
        for (var parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            if (redactedFlags && !REDACTED_FLAG_PARAMETERS.contains(base)) {
                throw probe("Flags are shown to your role redacted; search them only by subject or status.");
            }
            if (base.startsWith("_has") || PROBING_PARAMETERS.contains(base)) {
                throw probe("The search parameter " + base + " is not available to your role.");
            }
            if (name.contains(".")) {
                throw probe("Chained search parameters are not available to your role.");
            }
            if ("_total".equals(base) || ("_summary".equals(base) && contains(parameter.getValue(), "count"))) {
                throw probe("Counts are not available to your role.");
            }
        }
    }

    private static boolean contains(String[] values, String wanted) {
        for (String value : values) {
            if (wanted.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static ForbiddenOperationException forbidden(String message) {
        return new ForbiddenOperationException(message);
    }

    private static InvalidRequestException probe(String message) {
        return new InvalidRequestException(message);
    }
}
