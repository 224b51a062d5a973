package org.safeguardfhir.server.errors;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to what it refuses itself (a malformed request line, an unencoded character in the path, a header
 * it cannot read) before any servlet runs: a small OperationOutcome instead of Tomcat's HTML page, which names the
 * server and its version. CONNECT, which the connector calls not implemented, is answered as the method not allowed
 * it is.
 */
public class OperationOutcomeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 501 && "CONNECT".equals(request.getMethod())) {
            // Tomcat's connector refuses CONNECT as not implemented; it is a method this server does not allow.
            status = 405;
            response.setStatus(status);
            response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
        String reference = ErrorReference.of(null);
        String json = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                + FhirErrorController.issueType(status).toCode() + "\",\"diagnostics\":\""
                + FhirErrorController.describe(status) + ErrorReference.sentence(reference) + "\"}]}";
        try {
            response.setContentType("application/fhir+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone, or the answer was already committed: nothing more to tell it.
        }
    }
}
