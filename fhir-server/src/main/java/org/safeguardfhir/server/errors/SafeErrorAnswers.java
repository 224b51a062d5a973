package org.safeguardfhir.server.errors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failed FHIR request is answered with an OperationOutcome that says what the client can act on and carries a
 * reference, and nothing about the server's insides. A failure the client's input caused deep inside HAPI or
 * PostgreSQL is a 400, not a 500. The full exception goes to the log under the same reference.
 */
@Interceptor
public class SafeErrorAnswers implements RestInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SafeErrorAnswers.class);

    /**
     * A request attribute, a {@link BooleanSupplier} that says whether the client closed its connection while the
     * request ran (and so its database work was cancelled).
     */
    public static final String CLIENT_GONE = "org.safeguardfhir.server.client-gone";

    /** What access logs and metrics call a request its client abandoned (nginx's code): neither 2xx nor a fault. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException answer(RequestDetails request, Throwable failure) {
        String reference = ErrorReference.of(request == null ? null : request.getRequestId());
        if (clientGone(request)) {
            LOG.info("Request {} abandoned by its client; its database work was cancelled", reference);
            var answer = new UnclassifiedServerFailureException(
                    CLIENT_CLOSED_REQUEST, "The client closed its connection before the answer");
            answer.setOperationOutcome(
                    outcome(IssueType.INCOMPLETE, "The client closed its connection before the answer", reference));
            return answer;
        }
        if (failure instanceof ResourceVersionConflictException
                && request != null
                && request.getHeader("If-Match") != null) {
            // FHIR: a version that If-Match names and that is no longer current is 412, not HAPI's 409.
            LOG.info("Request {} refused with 412: {}", reference, failure.getMessage());
            var answer = NamedProblem.http(
                            412, "If-Match", "The resource has changed since the version If-Match names; read it again")
                    .exception();
            return withReference(answer, reference);
        }
        if (failure instanceof BaseServerResponseException known && known.getStatusCode() < 500) {
            LOG.info("Request {} refused with {}: {}", reference, known.getStatusCode(), known.getMessage());
            return withReference(known, reference);
        }
        var fault = ClientFaults.of(failure);
        if (fault.isPresent()) {
            LOG.info("Request {} refused: {}", reference, failure.toString());
            var answer = BaseServerResponseException.newInstance(
                    fault.get().status(), fault.get().diagnostics());
            return withReference(answer, reference);
        }
        LOG.error("Request {} failed", reference, failure);
        var answer = new InternalErrorException("The server could not answer this request");
        answer.setOperationOutcome(outcome(IssueType.EXCEPTION, "The server could not answer this request", reference));
        return answer;
    }

    private static boolean clientGone(RequestDetails request) {
        return request instanceof ServletRequestDetails servlet
                && servlet.getServletRequest() != null
                && servlet.getServletRequest().getAttribute(CLIENT_GONE) instanceof BooleanSupplier gone
                && gone.getAsBoolean();
    }

    private static BaseServerResponseException withReference(BaseServerResponseException known, String reference) {
        if (known.getOperationOutcome() instanceof OperationOutcome outcome && outcome.hasIssue()) {
            for (OperationOutcomeIssueComponent issue : outcome.getIssue()) {
                String diagnostics = SafeDiagnostics.scrub(issue.getDiagnostics());
                issue.setDiagnostics(
                        safeOr(diagnostics, "The request was refused") + ErrorReference.sentence(reference));
            }
            return known;
        }
        String diagnostics = safeOr(SafeDiagnostics.scrub(known.getMessage()), "The request was refused");
        known.setOperationOutcome(outcome(IssueType.PROCESSING, diagnostics, reference));
        return known;
    }

    private static String safeOr(String diagnostics, String fallback) {
        return diagnostics == null || diagnostics.isBlank() || SafeDiagnostics.revealsInternals(diagnostics)
                ? fallback
                : diagnostics;
    }

    static OperationOutcome outcome(IssueType type, String diagnostics, String reference) {
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(diagnostics + ErrorReference.sentence(reference));
        return outcome;
    }
}
