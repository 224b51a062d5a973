package org.safeguardfhir.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.security.SmartScope;

/**
 * Keeps restricted resources out of the database query itself for callers who may not see them, so that matches,
 * page sizes, paging links and totals are all computed without them; and binds each search's paging links to whoever
 * ran it. A clinician's search for Flags is the one exception to the narrowing: clinicians see those Flags, redacted.
 *
 * <p>Paging bindings live in this instance's memory for as long as HAPI keeps a search's results by default (an hour):
 * a page request that reaches another instance, or arrives after a restart, answers 410 like an expired search, so a
 * load balancer in front of several instances must keep a client on one of them.
 */
@Interceptor
class SearchNarrowingInterceptor implements RestInterceptor {

    /** Everyone who sees restricted data in full sees the same results, so they may share a search's pages. */
    private static final String FULL_VIEW = "full-view";

    private final BreakGlassGrants grants;

    SearchNarrowingInterceptor(BreakGlassGrants grants) {
        this.grants = grants;
    }

    private final Cache<String, String> owners = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(200_000)
            .build();

    @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
    public void narrow(RequestDetails request, ICachedSearchDetails search, SearchParameterMap parameters) {
        var caller = CallerAuthentication.current();
        if (caller.isEmpty()) {
            return;
        }
        if (search.getUuid() != null) {
            // Everyone's own Subscriptions are theirs alone: such pages are bound to the subject, whatever the role.
            owners.put(
                    search.getUuid(),
                    AccessPolicy.SUBSCRIPTION.equals(search.getResourceType())
                            ? ownSubject(caller.get())
                            : owner(caller.get()));
        }
        if (AccessPolicy.SUBSCRIPTION.equals(search.getResourceType())) {
            // Others' Subscriptions are not counted, paged or matched, not even for the lead; an administrator, who
            // may stop any, sees them all.
            if (!caller.get().has(Role.ADMIN)) {
                parameters.add(
                        "_tag",
                        new TokenParam(
                                SubscriptionOwners.TAG_SYSTEM, caller.get().subject()));
            }
            return;
        }
        if (AccessPolicy.seesRestricted(caller.get())
                || ("Flag".equals(search.getResourceType()) && AccessPolicy.seesRedactedFlags(caller.get()))
                || conditionalWriteMatch(request, search.getResourceType(), caller.get())
                || withinBreakGlass(caller.get(), parameters)
                || AccessPolicy.seesPseudonymised(caller.get(), search.getResourceType())) {
            // The dashboard sees every Task, restricted or not, pseudonymised: what it may search by is kept in view.
            return;
        }
        for (var label : RestrictedLabels.ALL) {
            parameters.add(
                    "_security", new TokenParam(label.system(), label.code()).setModifier(TokenParamModifier.NOT));
        }
    }

    /**
     * The match of a conditional write (If-None-Exist, conditional update or delete) must see restricted records, or
     * a GP system resubmitting a screening it may not read would store it twice. Only a caller who may write the type
     * gets here, and learns no content: only whether a record with the identifier it sent exists, as FHIR's
     * conditional semantics require.
     */
    /**
     * A search confined to one patient whose records the caller has broken glass for is not narrowed; the consent
     * hooks still judge each result, so another patient's restricted records stay hidden.
     */
    private boolean withinBreakGlass(Caller caller, SearchParameterMap parameters) {
        if (!AccessPolicy.mayBreakGlass(caller)) {
            return false;
        }
        var granted = grants.patients(caller);
        if (granted.isEmpty()) {
            return false;
        }
        for (String name : java.util.List.of("patient", "subject")) {
            var and = parameters.get(name);
            if (and != null
                    && and.size() == 1
                    && and.get(0).size() == 1
                    && and.get(0).get(0) instanceof ca.uhn.fhir.rest.param.ReferenceParam reference) {
                String value = reference.getResourceType() == null
                        ? "Patient/" + reference.getIdPart()
                        : reference.getResourceType() + "/" + reference.getIdPart();
                return granted.contains(value);
            }
        }
        return false;
    }

    static boolean conditionalWriteMatch(RequestDetails request, String type, Caller caller) {
        var operation = request == null ? null : request.getRestOperationType();
        boolean write = operation == RestOperationTypeEnum.CREATE
                || operation == RestOperationTypeEnum.UPDATE
                || operation == RestOperationTypeEnum.PATCH
                || operation == RestOperationTypeEnum.DELETE
                || operation == RestOperationTypeEnum.TRANSACTION
                || operation == RestOperationTypeEnum.BATCH;
        return write
                && !ResponsePhase.started(request)
                && (AccessPolicy.mayWrite(caller, type, SmartScope.Interaction.CREATE)
                        || AccessPolicy.mayWrite(caller, type, SmartScope.Interaction.UPDATE));
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void checkPage(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation != RestOperationTypeEnum.GET_PAGE) {
            return;
        }
        String[] ids = request.getParameters().get("_getpages");
        String id = ids == null || ids.length == 0 ? "" : ids[0];
        var caller = CallerAuthentication.current();
        String owner = owners.getIfPresent(id);
        if (caller.isEmpty()
                || owner == null
                || !(owner.equals(owner(caller.get())) || owner.equals(ownSubject(caller.get())))) {
            // The words HAPI uses for an expired search: a stranger's search looks like no search at all.
            throw new ResourceGoneException("Search ID \"" + id + "\" does not exist and may have expired");
        }
    }

    private static String owner(Caller caller) {
        return AccessPolicy.seesRestricted(caller) ? FULL_VIEW : ownSubject(caller);
    }

    private static String ownSubject(Caller caller) {
        return "subject:" + caller.subject();
    }
}
