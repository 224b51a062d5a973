package org.safeguardfhir.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.safeguardfhir.server.errors.NamedProblem;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Security labels are the server's to keep, not the client's to take away. A client's write may carry only the labels
 * this server knows (confidentiality codes, SDV, and our policy's HT and SAFEGUARDING), so a restriction can be asked
 * for and nothing else. An update cannot take a label away: HAPI carries a resource's labels into its next version
 * (only {@code $meta-delete} removes one, and {@link OperationAccessInterceptor} refuses it), so an EHR or dashboard
 * that round-trips a record without its {@code meta.security} cannot make a restricted record ordinary. The server's
 * own writes (the referral route, on system requests) do not come through here: as a REST interceptor this sees
 * client requests only.
 */
@Interceptor
class ClientLabels implements RestInterceptor {

    private static final Map<String, Set<String>> KNOWN = Map.of(
            RestrictedLabels.CONFIDENTIALITY,
            Set.of("U", "L", "M", "N", "R", "V"),
            RestrictedLabels.ACT_CODE,
            Set.of("SDV"),
            Canonicals.codeSystem(Canonicals.SAFEGUARDING_SECURITY_POLICY),
            Set.of("HT", "SAFEGUARDING"));

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        refuseUnknown(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        refuseUnknown(resource);
    }

    private static void refuseUnknown(IBaseResource resource) {
        List<? extends IBaseCoding> labels = resource.getMeta().getSecurity();
        for (int i = 0; i < labels.size(); i++) {
            IBaseCoding label = labels.get(i);
            if (!KNOWN.getOrDefault(String.valueOf(label.getSystem()), Set.of()).contains(label.getCode())) {
                String element = resource.fhirType() + ".meta.security[" + i + "]";
                throw NamedProblem.element(
                                422,
                                element,
                                element + " is not a label this server knows; a client may ask for restriction"
                                        + " (confidentiality R or V, SDV, HT), the server sets the rest")
                        .exception();
            }
        }
    }
}
