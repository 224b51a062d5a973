package org.safeguardfhir.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.safeguardfhir.server.fhir.RestInterceptor;

/**
 * Tasks get their ids from the server. The dashboard's view keeps a Task's id, since notifications name it and
 * dashboards read the Task again by it; that is safe only while no Task id is a name someone chose, such as
 * {@code referral-for-amira}. So creating a Task under an id of the client's choosing (a PUT to a new id) is refused.
 */
@Interceptor
class ServerAssignedTaskIds implements RestInterceptor {

    @Hook(Pointcut.STORAGE_PRESTORAGE_CLIENT_ASSIGNED_ID)
    public void refuseClientAssigned(IBaseResource resource, RequestDetails request) {
        if ("Task".equals(resource.fhirType())) {
            throw new InvalidRequestException(
                    "Tasks get their ids from the server: create a Task with POST, or a conditional PUT.");
        }
    }
}
