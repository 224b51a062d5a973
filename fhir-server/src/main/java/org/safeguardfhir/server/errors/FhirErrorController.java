package org.safeguardfhir.server.errors;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring's error page, for what fails outside HAPI (a servlet or filter error, an unmapped path, a request Tomcat
 * refuses after parsing it): an OperationOutcome with the status and a reference, never Spring's or Tomcat's page.
 */
@RestController
class FhirErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(FhirErrorController.class);
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final FhirContext fhirContext;

    FhirErrorController(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        String reference = ErrorReference.of(null);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown) {
            LOG.error(
                    "Request {} to {} failed",
                    reference,
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    thrown);
        } else {
            LOG.info(
                    "Request {} to {} answered {}",
                    reference,
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    status);
        }
        var outcome = SafeErrorAnswers.outcome(issueType(status), describe(status), reference);
        return ResponseEntity.status(status)
                .contentType(FHIR_JSON)
                .body(fhirContext.newJsonParser().encodeResourceToString(outcome));
    }

    static String describe(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "The request failed (" + status + ")" : known.getReasonPhrase() + " (" + status + ")";
    }

    static IssueType issueType(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 413 -> IssueType.TOOCOSTLY;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }
}
