package org.safeguardfhir.server.audit;

import ca.uhn.fhir.context.FhirContext;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.work.DurableWork;

/**
 * Records one AuditEvent, shaped after IHE BALP's RESTful patterns: the interaction, the caller as requesting agent
 * (subject in {@code altId}, roles as agent roles), this server as source, and each record touched as an entity.
 *
 * <p>The event is enqueued as durable work in the caller's thread: it joins a write's transaction, or commits on its
 * own before a read's answer is sent; if it cannot be written, the request fails rather than go unaudited.
 * {@link AuditRecordStore} stores it as a resource moments later. Storing it at once would index every record it
 * names, one lookup each, on the answer's path: half again the time of a safeguarding lead's dashboard search.
 */
public class AuditTrail {

    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String ROLES = "https://safeguardfhir.org/fhir/CodeSystem/safeguard-role";
    static final String OPERATIONS = "https://safeguardfhir.org/fhir/OperationDefinition";

    /** Identifies a pseudonym of the dashboard's view in an AuditEvent entity. */
    public static final String PSEUDONYM_SYSTEM = "https://safeguardfhir.org/fhir/NamingSystem/dashboard-pseudonym";

    /** Identifies a research export (its job id) in an AuditEvent entity. */
    public static final String EXPORT_SYSTEM = "https://safeguardfhir.org/fhir/NamingSystem/research-export";

    /** What one request did. */
    public record Access(
            Caller caller,
            String interaction,
            AuditEventAction action,
            boolean denied,
            Collection<String> records,
            String clientAddress,
            boolean breakGlass) {}

    /** Records are named by their relative URL, as a URI: {@code entity:identifier=urn:ietf:rfc:3986|Task/12}. */
    public static final String RECORD_NAME_SYSTEM = "urn:ietf:rfc:3986";

    /** The kind of durable work that stores audit records. */
    static final String KIND = "audit-record";

    private final DurableWork work;
    private final OneTimeTask<String> records;
    private final FhirContext fhirContext;

    AuditTrail(DurableWork work, OneTimeTask<String> records, FhirContext fhirContext) {
        this.work = work;
        this.records = records;
        this.fhirContext = fhirContext;
    }

    /**
     * A logical reference, not a literal one: HAPI would refuse to delete a record that an AuditEvent references,
     * so the audit trail would pin every restricted record it mentions, and it would look each one up on every write.
     */
    static Reference named(String record) {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(RECORD_NAME_SYSTEM).setValue(record));
    }

    public void record(Access access) {
        enqueue(event(access));
    }

    /**
     * A safeguarding lead turned a dashboard pseudonym back into a patient: the pseudonym asked about (a query
     * entity) and the patient it named, if any. A pseudonym that names no one is recorded as a failed attempt.
     */
    public void recordPseudonymResolution(
            Caller caller, String pseudonym, Optional<String> patient, String clientAddress) {
        var event = event(new Access(
                caller,
                "operation",
                AuditEventAction.E,
                false,
                patient.map(List::of).orElse(List.of()),
                clientAddress,
                false));
        event.addSubtype(new Coding(OPERATIONS, "resolve-pseudonym", "$resolve-pseudonym"));
        patient.ifPresentOrElse(
                found -> event.getEntityFirstRep()
                        .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient")),
                () -> event.setOutcome(AuditEventOutcome._4).setOutcomeDesc("no patient has this pseudonym"));
        event.addEntity()
                .setWhat(new Reference()
                        .setIdentifier(
                                new Identifier().setSystem(PSEUDONYM_SYSTEM).setValue(pseudonym)))
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query"));
        enqueue(event);
    }

    /**
     * A researcher asked for, downloaded from or cancelled a research export. The export is named by its job id (a
     * query entity in {@link #EXPORT_SYSTEM}, so {@code AuditEvent?record=<system>|<job id>} finds its whole
     * story), with what was asked in the entity's description: the request or the file.
     *
     * @param operation {@code export}, {@code export-file} or {@code export-cancel}
     */
    public void recordExport(Caller caller, String operation, String jobId, String detail, String clientAddress) {
        var event = event(new Access(
                caller,
                "operation",
                "export-cancel".equals(operation) ? AuditEventAction.D : AuditEventAction.E,
                false,
                List.of(),
                clientAddress,
                false));
        event.addSubtype(new Coding(OPERATIONS, operation, "$" + operation));
        event.addPurposeOfEvent()
                .addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/v3-ActReason", "HRESCH", "healthcare research"));
        event.addEntity()
                .setWhat(new Reference()
                        .setIdentifier(new Identifier().setSystem(EXPORT_SYSTEM).setValue(jobId)))
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query"))
                .setDescription(detail);
        enqueue(event);
    }

    private void enqueue(AuditEvent event) {
        work.enqueue(records, fhirContext.newJsonParser().encodeResourceToString(event));
    }

    private static AuditEvent event(Access access) {
        var event = new AuditEvent();
        event.setType(new Coding(EVENT_TYPE, "rest", "Restful Operation"));
        event.addSubtype(new Coding(INTERACTION, access.interaction(), null));
        event.setAction(access.action());
        event.setRecorded(new Date());
        event.setOutcome(access.denied() ? AuditEventOutcome._4 : AuditEventOutcome._0);
        if (access.denied()) {
            event.setOutcomeDesc("denied by the access policy");
        }
        if (access.breakGlass()) {
            event.addPurposeOfEvent()
                    .addCoding(
                            new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "BTG", "break the glass"));
        }
        var agent = event.addAgent().setRequestor(true).setAltId(access.caller().subject());
        agent.getWho().getIdentifier().setValue(access.caller().subject());
        access.caller().roles().forEach(role -> agent.addRole().addCoding(new Coding(ROLES, role.claimValue(), null)));
        if (access.clientAddress() != null) {
            agent.getNetwork().setAddress(access.clientAddress()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        event.getSource()
                .setSite("Safeguard FHIR")
                .addType(new Coding(
                        "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        event.getSource().getObserver().setDisplay("Safeguard FHIR");
        for (String record : access.records()) {
            event.addEntity()
                    .setWhat(named(record))
                    .setType(
                            new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"));
        }
        return event;
    }
}
