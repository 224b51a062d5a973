package org.safeguardfhir.routes.referral;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The security labels our profiles require. Labels are read by more systems than text is (a record system may show
 * them next to a Flag), so a label is itself a disclosure: {@code HT} goes only on records only the safeguarding lead
 * reads, {@code SDV} only where sexual exploitation is suspected, and a Flag, which staff see, carries the neutral
 * {@code SAFEGUARDING} policy instead.
 */
final class SecurityLabels {

    private static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String POLICY = Canonicals.codeSystem(Canonicals.SAFEGUARDING_SECURITY_POLICY);

    private SecurityLabels() {}

    /** Restricted, trafficking policy and, where sexual exploitation is suspected, SDV: for the lead's records. */
    static void leadOnly(Resource resource, boolean sexualExploitationSuspected) {
        var meta = resource.getMeta();
        meta.addSecurity(new Coding(CONFIDENTIALITY, "R", "restricted"));
        if (sexualExploitationSuspected) {
            meta.addSecurity(new Coding(ACT_CODE, "SDV", "sexual and domestic violence information sensitivity"));
        }
        meta.addSecurity(new Coding(POLICY, "HT", null));
    }

    /** Restricted with the neutral safeguarding policy: for what staff outside the safeguarding team may see. */
    static void neutral(Resource resource) {
        var meta = resource.getMeta();
        meta.addSecurity(new Coding(CONFIDENTIALITY, "R", "restricted"));
        meta.addSecurity(new Coding(POLICY, "SAFEGUARDING", null));
    }

    static void profile(Resource resource, String profileId) {
        resource.getMeta().addProfile(Canonicals.BASE + "/StructureDefinition/" + profileId);
    }
}
