package org.safeguardfhir.server.errors;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A refusal that names what it refuses, as FHIR's OperationOutcome asks: an element of the request's resource in
 * {@code issue.expression} (and {@code location}), or an HTTP parameter or header as {@code location} "http.[name]".
 * One answer for a 4xx raised inside HAPI ({@link #exception()}) and for one written by a filter ({@link #outcome()}).
 *
 * @param expression the element, such as {@code Patient.name[0].given[0]}; null when the problem is no element's
 * @param location the element, or {@code http.} and the parameter or header; null when neither applies
 */
public record NamedProblem(int status, String expression, String location, String diagnostics) {

    /** A problem with an element of the resource sent. */
    public static NamedProblem element(int status, String expression, String diagnostics) {
        return new NamedProblem(status, expression, expression, diagnostics);
    }

    /** A problem with an HTTP parameter (a search or operation parameter given in the URL or form) or header. */
    public static NamedProblem http(int status, String name, String diagnostics) {
        return new NamedProblem(status, null, "http." + name, diagnostics);
    }

    /** A problem with the request as a whole (its text, its well-formedness). */
    public static NamedProblem request(int status, String diagnostics) {
        return new NamedProblem(status, null, null, diagnostics);
    }

    public OperationOutcome outcome() {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(issueType())
                .setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        if (location != null) {
            issue.addLocation(location);
        }
        return outcome;
    }

    public BaseServerResponseException exception() {
        var exception = BaseServerResponseException.newInstance(status, diagnostics);
        exception.setOperationOutcome(outcome());
        return exception;
    }

    private IssueType issueType() {
        return switch (status) {
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 422 -> IssueType.PROCESSING;
            default -> FhirErrorController.issueType(status);
        };
    }
}
