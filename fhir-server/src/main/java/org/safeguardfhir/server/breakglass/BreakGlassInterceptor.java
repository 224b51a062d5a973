package org.safeguardfhir.server.breakglass;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.safeguardfhir.server.access.AccessPolicy;
import org.safeguardfhir.server.access.BreakGlassGrants;
import org.safeguardfhir.server.access.RestrictedLabels;
import org.safeguardfhir.server.audit.AuditTrail;
import org.safeguardfhir.server.fhir.InterceptorOrder;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.terminology.Canonicals;

/**
 * A request carrying {@code X-Purpose-Of-Use: BTG}, {@code X-Break-Glass-Patient: Patient/<id>} and a non-empty
 * {@code X-Break-Glass-Reason} breaks the glass for that patient before it is handled: from then on, for
 * {@code safeguard.security.break-glass-duration}, the clinician sees the patient's restricted records in full. The
 * grant is audited (purpose of use BTG, the patient as entity) and a Task for the safeguarding lead, naming who, whom
 * and why, is stored before the request goes on.
 */
@Interceptor
class BreakGlassInterceptor implements RestInterceptor {

    static final String PURPOSE = "X-Purpose-Of-Use";
    static final String PATIENT = "X-Break-Glass-Patient";
    static final String REASON = "X-Break-Glass-Reason";

    private static final Pattern PATIENT_REFERENCE = Pattern.compile("Patient/[A-Za-z0-9\\-.]{1,64}");
    private static final int LONGEST_REASON = 1000;

    private final BreakGlassGrants grants;
    private final AuditTrail trail;
    private final DaoRegistry daos;

    BreakGlassInterceptor(BreakGlassGrants grants, AuditTrail trail, DaoRegistry daos) {
        this.grants = grants;
        this.trail = trail;
        this.daos = daos;
    }

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = InterceptorOrder.BREAK_GLASS)
    public void breakGlass(RequestDetails request) {
        String purpose = request.getHeader(PURPOSE);
        if (purpose == null) {
            return;
        }
        Caller caller = CallerAuthentication.current()
                .orElseThrow(() -> new AuthenticationException("Authentication required: send a valid Bearer token."));
        if (!"BTG".equals(purpose.trim())) {
            throw new InvalidRequestException(PURPOSE + " supports only BTG (break the glass).");
        }
        if (!AccessPolicy.mayBreakGlass(caller)) {
            throw new ForbiddenOperationException("Only a clinician can break the glass.");
        }
        String patient = trimmed(request.getHeader(PATIENT));
        String reason = trimmed(request.getHeader(REASON));
        if (!PATIENT_REFERENCE.matcher(patient).matches()) {
            throw new InvalidRequestException(PATIENT + " must name the patient, as Patient/<id>.");
        }
        if (reason.isEmpty() || reason.length() > LONGEST_REASON) {
            throw new InvalidRequestException(
                    REASON + " must state why, in at most " + LONGEST_REASON + " characters.");
        }
        requireExisting(patient);
        if (grants.grant(caller, patient)) {
            notifyLead(caller, patient, reason);
            trail.record(new AuditTrail.Access(
                    caller,
                    "break-glass",
                    AuditEventAction.E,
                    false,
                    List.of(patient),
                    request instanceof ServletRequestDetails servlet
                            ? servlet.getServletRequest().getRemoteAddr()
                            : null,
                    true));
        }
    }

    private void requireExisting(String patient) {
        try {
            daos.getResourceDao(Patient.class).read(new IdType(patient), new SystemRequestDetails());
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            throw new ResourceNotFoundException("No such patient: " + patient);
        }
    }

    private void notifyLead(Caller caller, String patient, String reason) {
        var task = new Task();
        task.getMeta().addSecurity(new Coding(RestrictedLabels.CONFIDENTIALITY, "R", "restricted"));
        task.getMeta()
                .addSecurity(new Coding(Canonicals.codeSystem(Canonicals.SAFEGUARDING_SECURITY_POLICY), "HT", null));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.ASAP);
        task.getCode().setText("Break-glass access to a patient's safeguarding records");
        task.setFor(new Reference(patient));
        task.setAuthoredOn(new Date());
        task.getRequester().setDisplay(caller.subject());
        task.addNote().setText("Reason given: " + reason);
        daos.getResourceDao(Task.class).create(task, new SystemRequestDetails());
    }

    private static String trimmed(String header) {
        return header == null ? "" : header.trim();
    }
}
