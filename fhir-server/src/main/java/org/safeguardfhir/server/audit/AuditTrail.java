package org.safeguardfhir.server.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Collection;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.server.security.Caller;

/**
 * Stores one AuditEvent, shaped after IHE BALP's RESTful patterns: the interaction, the caller as requesting agent
 * (subject in {@code altId}, roles as agent roles), this server as source, and each record touched as an entity.
 * Stored through HAPI's DAO in the caller's thread: it joins a write's transaction, or commits on its own before a
 * read's answer is sent; if it cannot be stored, the request fails rather than go unaudited.
 */
public class AuditTrail {

    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String ROLES = "https://safeguardfhir.org/fhir/CodeSystem/safeguard-role";

    /** What one request did. */
    public record Access(
            Caller caller,
            String interaction,
            AuditEventAction action,
            boolean denied,
            Collection<String> records,
            String clientAddress,
            boolean breakGlass) {}

    private final DaoRegistry daos;

    public AuditTrail(DaoRegistry daos) {
        this.daos = daos;
    }

    public void record(Access access) {
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
            // A deleted record cannot be referenced (HAPI checks references on write): it is named instead.
            var what = access.action() == AuditEventAction.D
                    ? new Reference()
                            .setIdentifier(new Identifier()
                                    .setSystem("urn:ietf:rfc:3986")
                                    .setValue(record))
                    : new Reference(record);
            event.addEntity()
                    .setWhat(what)
                    .setType(
                            new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"));
        }
        daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
    }
}
