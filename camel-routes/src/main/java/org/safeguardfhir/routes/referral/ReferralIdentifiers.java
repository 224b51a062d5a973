package org.safeguardfhir.routes.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.safeguardfhir.terminology.Canonicals;

/**
 * Deterministic business identifiers of everything the route writes. Derived from the screening response (and the
 * pathway or exploitation type), they let conditional writes find what an earlier delivery already created, so a
 * redelivery, a retry or an amendment updates instead of duplicating.
 */
public final class ReferralIdentifiers {

    public static final String TASK_SYSTEM = Canonicals.BASE + "/sid/referral-task";
    public static final String FLAG_SYSTEM = Canonicals.BASE + "/sid/safeguarding-flag";
    public static final String OBSERVATION_SYSTEM = Canonicals.BASE + "/sid/screening-result";
    public static final String CONDITION_SYSTEM = Canonicals.BASE + "/sid/suspected-trafficking";
    public static final String DIRECTORY_SYSTEM = Canonicals.BASE + "/sid/referral-directory";

    private final byte[] anonymousKey;

    /** @param anonymousKey the installation's secret for identifiers of anonymous referrals (at least 16 bytes) */
    public ReferralIdentifiers(byte[] anonymousKey) {
        if (anonymousKey.length < 16) {
            throw new IllegalArgumentException("The anonymous referral key must be at least 16 bytes");
        }
        this.anonymousKey = anonymousKey.clone();
    }

    public static String task(String responseId, ReferralPathway pathway) {
        return responseId + "." + pathway.code();
    }

    public static String condition(String responseId, String exploitationType) {
        return responseId + "." + exploitationType;
    }

    /**
     * The identifier of an anonymous referral (Duty to Notify): stable for the response, but an HMAC, so whoever reads
     * the Task cannot tell which response or patient it came from without the installation's key.
     */
    public String anonymousTask(String responseId, ReferralPathway pathway) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(anonymousKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(task(responseId, pathway).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A conditional reference to the referral-directory Organization that receives a pathway's Tasks. */
    public static String directoryOrganization(ReferralPathway pathway) {
        return "Organization?identifier=" + DIRECTORY_SYSTEM + "|" + pathway.code();
    }
}
