package org.safeguardfhir.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Writes a one-issue OperationOutcome as a whole answer, for the places that answer outside HAPI's own exception
 * handling: the security filters and the operations that write their responses themselves. An error for statuses
 * of 400 and above, information below.
 */
public final class OperationOutcomeWriter {

    private final FhirContext fhirContext;

    public OperationOutcomeWriter(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    public void write(HttpServletResponse response, int status, IssueType type, String diagnostics) throws IOException {
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(status >= 400 ? IssueSeverity.ERROR : IssueSeverity.INFORMATION)
                .setCode(type)
                .setDiagnostics(diagnostics);
        write(response, status, outcome);
    }

    public void write(HttpServletResponse response, int status, OperationOutcome outcome) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
    }
}
