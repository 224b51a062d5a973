package org.safeguardfhir.server.export;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.safeguardfhir.server.audit.AuditTrail;
import org.safeguardfhir.server.fhir.OperationOutcomeWriter;
import org.safeguardfhir.server.fhir.RestProvider;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.server.security.SmartScope.Interaction;
import org.safeguardfhir.terminology.Canonicals;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR Bulk Data export of de-identified data, for researchers (who may call it is the access policy's rule for
 * operations): {@code $export} queues a job and answers 202 with the status URL in {@code Content-Location};
 * {@code $export-poll-status} answers 202 while it is made, then 200 with the manifest, and DELETE cancels it;
 * {@code $export-file} serves one NDJSON file of the manifest. Jobs, status and files are their requester's alone:
 * anyone else gets 404, as for a job that does not exist. Kick-off, downloads and cancellations are audited.
 */
public class BulkExportProvider implements RestProvider {

    public static final String EXPORT = "$export";
    public static final String POLL_STATUS = "$export-poll-status";
    public static final String FILE = "$export-file";
    public static final String CANONICAL = Canonicals.BASE + "/OperationDefinition/export";

    static final String JOB_ID = "_jobId";
    static final String FILE_NUMBER = "_file";
    static final String NDJSON = "application/fhir+ndjson";

    private final ExportJobs jobs;
    private final Consumer<UUID> make;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final OperationOutcomeWriter outcomes;
    private final ExportProperties properties;
    private final Function<String, Set<String>> typesOf;

    BulkExportProvider(
            ExportJobs jobs,
            Consumer<UUID> make,
            AuditTrail audit,
            TransactionTemplate transactions,
            OperationOutcomeWriter outcomes,
            ExportProperties properties,
            Function<String, Set<String>> typesOf) {
        this.jobs = jobs;
        this.make = make;
        this.audit = audit;
        this.transactions = transactions;
        this.outcomes = outcomes;
        this.properties = properties;
        this.typesOf = typesOf;
    }

    @Operation(name = EXPORT, idempotent = true, manualResponse = true, canonicalUrl = CANONICAL)
    @Description(shortDefinition = "Asynchronous export of de-identified, k-anonymous data as NDJSON, for researchers")
    public void export(ServletRequestDetails request) throws IOException {
        String prefer = Optional.ofNullable(request.getHeader("Prefer")).orElse("");
        if (!prefer.contains("respond-async")) {
            throw new InvalidRequestException("$export is asynchronous: send the header Prefer: respond-async.");
        }
        var export = ExportRequest.parse(ExportRequest.parameters(request), properties.configurations(), typesOf);
        var caller = caller();
        for (String type : export.types()) {
            if (!caller.scopePermits(type, Interaction.SEARCH)) {
                throw new ForbiddenOperationException("Your token's scopes do not allow reading " + type
                        + "; ask for the types they allow with _type.");
            }
        }
        var response = request.getServletResponse();
        UUID id;
        try {
            id = transactions.execute(status -> {
                UUID queued =
                        jobs.queue(caller.subject(), export.configuration(), export.types(), request.getCompleteUrl());
                make.accept(queued);
                audit.recordExport(
                        caller,
                        "export",
                        queued.toString(),
                        "configuration " + export.configuration() + ", types " + String.join(",", export.types()),
                        address(request));
                return queued;
            });
        } catch (DuplicateKeyException alreadyQueued) {
            response.setHeader("Retry-After", "30");
            outcomes.write(
                    response,
                    429,
                    IssueType.THROTTLED,
                    "You already have an export being made; wait for it, or cancel it, before asking for another.");
            return;
        }
        response.setHeader("Content-Location", statusUrl(request, id));
        outcomes.write(
                response, 202, IssueType.INFORMATIONAL, "The export is queued; poll the URL in Content-Location.");
    }

    @Operation(name = POLL_STATUS, idempotent = true, manualResponse = true, deleteEnabled = true)
    @Description(shortDefinition = "The status of a research export: 202 while it is made, then its manifest")
    public void status(ServletRequestDetails request) throws IOException {
        var caller = caller();
        UUID id = jobId(request);
        var response = request.getServletResponse();
        if (request.getRequestType() == RequestTypeEnum.DELETE) {
            boolean deleted = transactions.execute(status -> {
                boolean found = jobs.delete(id, caller.subject());
                if (found) {
                    audit.recordExport(
                            caller, "export-cancel", id.toString(), "cancelled and deleted", address(request));
                }
                return found;
            });
            if (!deleted) {
                throw notFound();
            }
            outcomes.write(response, 202, IssueType.INFORMATIONAL, "The export is cancelled and its files deleted.");
            return;
        }
        var job = jobs.find(id, caller.subject()).orElseThrow(BulkExportProvider::notFound);
        switch (job.status()) {
            case QUEUED -> {
                response.setStatus(202);
                response.setHeader("X-Progress", job.attempts() == 0 ? "queued" : "in progress");
                response.setHeader("Retry-After", "5");
            }
            case FAILED ->
                throw new InternalErrorException(
                        "The export could not be made; ask for a new one. The server's log names the job.");
            case COMPLETED -> {
                response.setStatus(200);
                response.setHeader(
                        "Expires",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                job.expiresAt().atOffset(ZoneOffset.UTC)));
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter()
                        .write(ExportManifest.of(job, jobs.files(job.id()), number -> fileUrl(request, id, number)));
            }
        }
    }

    @Operation(name = FILE, idempotent = true, manualResponse = true)
    @Description(shortDefinition = "One NDJSON file of a completed research export")
    public void file(ServletRequestDetails request) throws IOException {
        var caller = caller();
        UUID id = jobId(request);
        var job = jobs.find(id, caller.subject())
                .filter(j -> j.status() == ExportJob.Status.COMPLETED)
                .orElseThrow(BulkExportProvider::notFound);
        int number = fileNumber(request);
        String content = jobs.content(job.id(), number).orElseThrow(BulkExportProvider::notFound);
        audit.recordExport(caller, "export-file", id.toString(), "file " + number, address(request));
        var response = request.getServletResponse();
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(NDJSON + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static UUID jobId(ServletRequestDetails request) {
        String[] values = request.getParameters().get(JOB_ID);
        if (values == null || values.length != 1) {
            throw new InvalidRequestException("Name the export with one " + JOB_ID + " parameter.");
        }
        try {
            return UUID.fromString(values[0]);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static int fileNumber(ServletRequestDetails request) {
        String[] values = request.getParameters().get(FILE_NUMBER);
        if (values == null || values.length != 1 || !values[0].matches("[1-9][0-9]{0,8}")) {
            throw new InvalidRequestException(
                    "Name the file with one " + FILE_NUMBER + " parameter, as the manifest does.");
        }
        return Integer.parseInt(values[0]);
    }

    private static String statusUrl(ServletRequestDetails request, UUID id) {
        return request.getFhirServerBase() + "/" + POLL_STATUS + "?" + JOB_ID + "=" + id;
    }

    private static String fileUrl(ServletRequestDetails request, UUID id, int number) {
        return request.getFhirServerBase() + "/" + FILE + "?" + JOB_ID + "=" + id + "&" + FILE_NUMBER + "=" + number;
    }

    private static String address(ServletRequestDetails request) {
        return request.getServletRequest().getRemoteAddr();
    }

    private static Caller caller() {
        return CallerAuthentication.current().orElseThrow();
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException(
                "No such export: it never existed, expired, was cancelled, or is not yours.");
    }
}
