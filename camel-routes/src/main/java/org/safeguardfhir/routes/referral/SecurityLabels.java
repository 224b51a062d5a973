package org.safeguardfhir.routes.referral;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.terminology.Canonicals;

/** The security labels our profiles require: restricted (R), trafficking policy (HT) and, where due, sexual (SDV). */
final class SecurityLabels {

    private static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private SecurityLabels() {}

    static void restricted(Resource resource, boolean sensitiveSexual) {
        var meta = resource.getMeta();
        meta.addSecurity(new Coding(CONFIDENTIALITY, "R", "restricted"));
        if (sensitiveSexual) {
            meta.addSecurity(new Coding(ACT_CODE, "SDV", "sexual and domestic violence information sensitivity"));
        }
        meta.addSecurity(new Coding(Canonicals.codeSystem(Canonicals.SAFEGUARDING_SECURITY_POLICY), "HT", null));
    }

    static void profile(Resource resource, String profileId) {
        resource.getMeta().addProfile(Canonicals.BASE + "/StructureDefinition/" + profileId);
    }
}
