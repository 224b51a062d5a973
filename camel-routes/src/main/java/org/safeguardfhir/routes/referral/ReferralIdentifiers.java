package org.safeguardfhir.routes.referral;

import org.safeguardfhir.terminology.Canonicals;

/**
 * Deterministic business identifiers of everything the route writes. Derived from the screening response (and the
 * pathway) or the patient (and the Flag's code), they let conditional writes find what an earlier delivery already
 * created, so a redelivery, a retry or an amendment updates instead of duplicating.
 */
public final class ReferralIdentifiers {

    public static final String TASK_SYSTEM = Canonicals.BASE + "/sid/referral-task";
    public static final String FLAG_SYSTEM = Canonicals.BASE + "/sid/safeguarding-flag";
    public static final String OBSERVATION_SYSTEM = Canonicals.BASE + "/sid/screening-result";
    public static final String CONDITION_SYSTEM = Canonicals.BASE + "/sid/suspected-trafficking";
    public static final String DIRECTORY_SYSTEM = Canonicals.BASE + "/sid/referral-directory";

    private ReferralIdentifiers() {}

    public static String task(String responseId, ReferralPathway pathway) {
        return responseId + "." + pathway.code();
    }

    public static String condition(String responseId, String exploitationType) {
        return responseId + "." + exploitationType;
    }

    /**
     * The identifier of one of a patient's Flags: the patient id for the safeguarding-concern Flag (as it always
     * was), the patient id and the Flag's code for an instruction Flag.
     */
    public static String flag(String patientId, SafeguardingFlag flag) {
        return flag == SafeguardingFlag.CONCERN ? patientId : patientId + "." + flag.code();
    }

    /** A conditional reference to the referral-directory Organization that receives a pathway's Tasks. */
    public static String directoryOrganization(ReferralPathway pathway) {
        return "Organization?identifier=" + DIRECTORY_SYSTEM + "|"
                + pathway.receiver().code();
    }
}
