package org.safeguardfhir.server.dashboard;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.safeguardfhir.server.audit.AuditTrail;
import org.safeguardfhir.server.fhir.RestProvider;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.safeguardfhir.terminology.Canonicals;

/**
 * {@code $resolve-pseudonym}: which patient a pseudonym on a dashboard stands for, so that a safeguarding lead can act
 * on what a dashboard shows. Only the lead may call it (the access policy's rule for operations), and every call is
 * audited, whether or not it names a patient. A POST only: a resolution is an audited act, not a read to be cached or
 * repeated by a crawler.
 */
public class PseudonymResolutionProvider implements RestProvider {

    public static final String NAME = "$resolve-pseudonym";
    public static final String CANONICAL = Canonicals.BASE + "/OperationDefinition/resolve-pseudonym";

    /** A bare pseudonym, or one written as the reference the dashboard sees in Task.for. */
    private static final Pattern PSEUDONYM = Pattern.compile("(?:Patient/)?([0-9a-f]{64})");

    private final PatientPseudonyms pseudonyms;
    private final AuditTrail audit;

    PseudonymResolutionProvider(PatientPseudonyms pseudonyms, AuditTrail audit) {
        this.pseudonyms = pseudonyms;
        this.audit = audit;
    }

    @Operation(name = NAME, idempotent = false, canonicalUrl = CANONICAL)
    @Description(shortDefinition = "The patient a pseudonym of the dashboard's view stands for; audited")
    public Parameters resolve(
            @OperationParam(name = "pseudonym", min = 1, max = 1) StringType pseudonym, RequestDetails request) {
        var matcher = PSEUDONYM.matcher(pseudonym == null || pseudonym.getValue() == null ? "" : pseudonym.getValue());
        if (!matcher.matches()) {
            throw new InvalidRequestException(
                    "pseudonym must be the 64 hexadecimal characters a dashboard shows, with or without Patient/");
        }
        if (!pseudonyms.resolvable()) {
            throw new InvalidRequestException("The dashboard's de-identification configuration makes no pseudonyms.");
        }
        var caller = CallerAuthentication.current().orElseThrow();
        var patient = pseudonyms.resolve(matcher.group(1));
        audit.recordPseudonymResolution(caller, matcher.group(1), patient, address(request));
        var result = new Parameters();
        result.addParameter()
                .setName("patient")
                .setValue(new Reference(patient.orElseThrow(
                        () -> new ResourceNotFoundException("No patient on record has this pseudonym."))));
        return result;
    }

    private static String address(RequestDetails request) {
        return request instanceof ServletRequestDetails servlet
                ? servlet.getServletRequest().getRemoteAddr()
                : null;
    }
}
