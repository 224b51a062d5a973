package org.safeguardfhir.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.safeguardfhir.server.fhir.InterceptorOrder;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.server.security.SmartScope.Interaction;

/**
 * Checks every resource a caller's request is about to store, including each entry of a transaction and the target of
 * a conditional write, against the roles' write permissions. The server's own writes (the referral route) have no
 * caller and are not checked here.
 */
@Interceptor
class WriteAccessInterceptor implements RestInterceptor {

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = InterceptorOrder.WRITE_ACCESS)
    public void created(IBaseResource resource) {
        check(resource, Interaction.CREATE);
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = InterceptorOrder.WRITE_ACCESS)
    public void updated(IBaseResource previous, IBaseResource resource) {
        check(resource, Interaction.UPDATE);
        checkHiddenNotOverwritten(previous);
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = InterceptorOrder.WRITE_ACCESS)
    public void deleted(IBaseResource resource) {
        check(resource, Interaction.DELETE);
        checkHiddenNotOverwritten(resource);
    }

    /**
     * A record the caller cannot see is not the caller's to change: a clinician may write Observations, but not
     * overwrite a restricted screening result. Screening responses are the exception: submitters amend the responses
     * they sent without ever reading them back.
     */
    private static void checkHiddenNotOverwritten(IBaseResource previous) {
        var caller = CallerAuthentication.current();
        if (caller.isPresent()
                && !"QuestionnaireResponse".equals(previous.fhirType())
                && AccessPolicy.visibility(caller.get(), previous) != Visibility.FULL) {
            throw new ForbiddenOperationException("Your role does not allow changing this record.");
        }
    }

    private static void check(IBaseResource resource, Interaction interaction) {
        var caller = CallerAuthentication.current();
        if (caller.isPresent() && !AccessPolicy.mayWrite(caller.get(), resource.fhirType(), interaction)) {
            throw new ForbiddenOperationException(
                    "Your role or scopes do not allow writing " + resource.fhirType() + ".");
        }
    }
}
