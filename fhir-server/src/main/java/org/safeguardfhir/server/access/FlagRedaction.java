package org.safeguardfhir.server.access;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.safeguardfhir.terminology.Canonicals;

/**
 * What a clinician sees of a restricted safeguarding Flag: a concern exists, speak to the patient alone and contact
 * the safeguarding lead. The stand-in keeps the Flag's id, status, subject and start (so it can be found again and
 * shown on the right record) and drops everything that could say trafficking: its code and category, its author,
 * identifiers, extensions, profile and the policy labels themselves.
 */
final class FlagRedaction {

    static final String TEXT = "Safeguarding concern: contact the safeguarding lead";

    private static final String CONCERN_DISPLAY =
            "Safeguarding concern – speak to the patient alone; contact the safeguarding lead";
    private static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    private FlagRedaction() {}

    static boolean isRedacted(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return resource.getMeta().getSecurity().stream()
                .anyMatch(label -> OBSERVATION_VALUE.equals(label.getSystem()) && "REDACTED".equals(label.getCode()));
    }

    static Flag redact(Flag flag) {
        var redacted = new Flag();
        redacted.setIdElement(flag.getIdElement().copy());
        redacted.getMeta()
                .setVersionId(flag.getMeta().getVersionId())
                .setLastUpdatedElement(flag.getMeta().getLastUpdatedElement().copy());
        redacted.getMeta().addSecurity(new Coding(RestrictedLabels.CONFIDENTIALITY, "R", "restricted"));
        redacted.getMeta().addSecurity(new Coding(OBSERVATION_VALUE, "REDACTED", "redacted"));
        redacted.setStatus(flag.getStatus());
        redacted.setSubject(flag.getSubject().copy());
        if (flag.getPeriod().hasStart()) {
            redacted.getPeriod()
                    .setStartElement(flag.getPeriod().getStartElement().copy());
        }
        redacted.getCode()
                .addCoding(new Coding(
                        Canonicals.codeSystem(Canonicals.SAFEGUARDING_FLAG), "safeguarding-concern", CONCERN_DISPLAY))
                .setText(TEXT);
        return redacted;
    }
}
