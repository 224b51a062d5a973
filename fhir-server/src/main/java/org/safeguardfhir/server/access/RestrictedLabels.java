package org.safeguardfhir.server.access;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The security labels that make a resource restricted: confidentiality restricted or very restricted, the HL7
 * sensitivity nearest to trafficking (SDV), and our own trafficking policy code. Any one of them is enough.
 */
public final class RestrictedLabels {

    /** One label, as it appears in {@code meta.security}. */
    public record Label(String system, String code) {}

    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    public static final List<Label> ALL = List.of(
            new Label(CONFIDENTIALITY, "R"),
            new Label(CONFIDENTIALITY, "V"),
            new Label(ACT_CODE, "SDV"),
            new Label(Canonicals.codeSystem(Canonicals.SAFEGUARDING_SECURITY_POLICY), "HT"));

    private RestrictedLabels() {}

    public static boolean restricted(IBaseResource resource) {
        return resource.getMeta().getSecurity().stream().anyMatch(RestrictedLabels::restricting);
    }

    static boolean restricting(IBaseCoding coding) {
        return ALL.stream()
                .anyMatch(label -> label.system().equals(coding.getSystem())
                        && label.code().equals(coding.getCode()));
    }
}
