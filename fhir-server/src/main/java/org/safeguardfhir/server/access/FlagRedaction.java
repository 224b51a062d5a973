package org.safeguardfhir.server.access;

import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.safeguardfhir.terminology.Canonicals;

/**
 * What a clinician sees of a restricted safeguarding Flag: what to do, never why. The stand-in keeps the Flag's id,
 * status, subject and start (so it can be found again and shown on the right record) and drops everything else that
 * could say trafficking: its category, author, identifiers, extensions, profile and the policy labels themselves.
 * One of this service's own instruction codes is kept, with the instruction as text, because it tells the clinician
 * what keeps the patient safe (see them alone, use a professional interpreter, contact them only by the safe route);
 * any other restricted Flag, whose wording nobody here checked, becomes the general safeguarding-concern instruction.
 */
final class FlagRedaction {

    static final String TEXT = "Safeguarding concern: see the patient alone and contact the safeguarding lead";

    private static final String FLAG_SYSTEM = Canonicals.codeSystem(Canonicals.SAFEGUARDING_FLAG);
    private static final String CONCERN = "safeguarding-concern";
    private static final Map<String, Instruction> INSTRUCTIONS = Map.of(
            CONCERN,
            new Instruction("Safeguarding concern – speak to the patient alone; contact the safeguarding lead", TEXT),
            "do-not-use-companion-as-interpreter",
            new Instruction(
                    "Use a professional interpreter – not a companion, friend or relative",
                    "Use a professional interpreter: never a companion, friend or relative"),
            "safe-contact-restricted",
            new Instruction(
                    "Contact the patient only through the recorded safe contact route",
                    "Do not phone or write to the patient before checking the safe contact route with the"
                            + " safeguarding lead"));

    private record Instruction(String display, String text) {}

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
        String code = flag.getCode().getCoding().stream()
                .filter(coding -> FLAG_SYSTEM.equals(coding.getSystem()) && INSTRUCTIONS.containsKey(coding.getCode()))
                .map(Coding::getCode)
                .findFirst()
                .orElse(CONCERN);
        Instruction instruction = INSTRUCTIONS.get(code);
        redacted.getCode()
                .addCoding(new Coding(FLAG_SYSTEM, code, instruction.display()))
                .setText(instruction.text());
        return redacted;
    }
}
