package org.safeguardfhir.server.limits;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safeguardfhir.server.errors.ErrorReference;
import org.safeguardfhir.server.errors.NamedProblem;
import org.safeguardfhir.server.fhir.OperationOutcomeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request refused by a filter, before HAPI: an OperationOutcome with a reference that the log line also carries. */
final class Refusal {

    private static final Logger LOG = LoggerFactory.getLogger(Refusal.class);

    private final OperationOutcomeWriter outcomes;

    Refusal(OperationOutcomeWriter outcomes) {
        this.outcomes = outcomes;
    }

    void send(HttpServletResponse response, NamedProblem problem) throws IOException {
        String reference = ErrorReference.of(null);
        LOG.info("Request {} refused with {}: {}", reference, problem.status(), problem.diagnostics());
        var outcome = problem.outcome();
        outcome.getIssueFirstRep().setDiagnostics(problem.diagnostics() + ErrorReference.sentence(reference));
        outcomes.write(response, problem.status(), outcome);
    }
}
