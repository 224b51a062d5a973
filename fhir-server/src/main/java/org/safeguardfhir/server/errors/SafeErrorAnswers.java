package org.safeguardfhir.server.errors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
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

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException answer(RequestDetails request, Throwable failure) {
        String reference = ErrorReference.of(request == null ? null : request.getRequestId());
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
