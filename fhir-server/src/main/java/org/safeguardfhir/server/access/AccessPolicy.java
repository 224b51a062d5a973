package org.safeguardfhir.server.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.security.SmartScope.Interaction;

/**
 * Who may do what to which resource type, and how much of a restricted resource each caller sees. The policy table
 * in docs/access-control.md is this class in words; {@code AccessMatrixIT} holds the two together.
 *
 * <p>A caller's roles add up. SMART scopes can only narrow what the roles allow. A patient-facing app or a proxy
 * never sees restricted data, whatever roles its token claims: a trafficker may hold a relative's login.
 */
public final class AccessPolicy {

    /** Definitions every caller may read: questionnaires, profiles, terminology. */
    static final Set<String> CONFORMANCE = Set.of(
            "Questionnaire",
            "ValueSet",
            "CodeSystem",
            "ConceptMap",
            "StructureDefinition",
            "SearchParameter",
            "OperationDefinition",
            "ImplementationGuide",
            "NamingSystem");

    /** Who provides care and receives referrals. */
    static final Set<String> DIRECTORY =
            Set.of("Organization", "HealthcareService", "Practitioner", "PractitionerRole", "Location", "Endpoint");

    /** Records about patients. */
    static final Set<String> CLINICAL = Set.of(
            "Patient",
            "RelatedPerson",
            "Encounter",
            "QuestionnaireResponse",
            "Task",
            "Flag",
            "Observation",
            "Condition",
            "Consent",
            "Provenance",
            "Communication",
            "DocumentReference",
            "List",
            "Group",
            "Basic");

    static final String AUDIT = "AuditEvent";

    /** Notifications of Task changes: each caller reads and writes only its own (see {@link SubscriptionOwners}). */
    static final String SUBSCRIPTION = "Subscription";

    private static final Set<String> OWN_SUBSCRIPTIONS = Set.of(SUBSCRIPTION);

    /**
     * What a dashboard reads, and only in pseudonymised form: the referral Tasks, restricted or not, and the
     * organisations that own them.
     */
    static final Set<String> DASHBOARD_VIEW = Set.of("Task", "Organization");

    /** Containers of an answer rather than records: what they contain is judged resource by resource. */
    private static final Set<String> ENVELOPES =
            Set.of("Bundle", "Parameters", "OperationOutcome", "CapabilityStatement");

    private static final Set<String> SUBMISSION =
            Set.of("Patient", "QuestionnaireResponse", "Practitioner", "PractitionerRole", "Encounter");

    private static final Map<Role, Set<String>> READS = new EnumMap<>(Map.of(
            Role.GP_SUBMITTER, union(CONFORMANCE, DIRECTORY, Set.of("Patient")),
            Role.CLINICIAN, union(CONFORMANCE, DIRECTORY, CLINICAL, OWN_SUBSCRIPTIONS),
            Role.SAFEGUARDING_LEAD, union(CONFORMANCE, DIRECTORY, CLINICAL, Set.of(AUDIT), OWN_SUBSCRIPTIONS),
            Role.DASHBOARD, union(CONFORMANCE, DASHBOARD_VIEW, OWN_SUBSCRIPTIONS),
            Role.RESEARCHER, union(CONFORMANCE, DIRECTORY),
            Role.ADMIN, union(CONFORMANCE, DIRECTORY, Set.of(AUDIT), OWN_SUBSCRIPTIONS)));

    private static final Map<Role, Set<String>> WRITES = new EnumMap<>(Map.of(
            Role.GP_SUBMITTER, SUBMISSION,
            Role.CLINICIAN,
                    union(
                            SUBMISSION,
                            Set.of("RelatedPerson", "Consent", "Observation", "Communication", "DocumentReference"),
                            OWN_SUBSCRIPTIONS),
            Role.SAFEGUARDING_LEAD, union(CLINICAL, Set.of("Practitioner", "PractitionerRole"), OWN_SUBSCRIPTIONS),
            Role.DASHBOARD, OWN_SUBSCRIPTIONS,
            Role.RESEARCHER, Set.of(),
            Role.ADMIN, union(CONFORMANCE, DIRECTORY)));

    private static final Map<Role, Set<String>> DELETES = new EnumMap<>(Map.of(
            Role.GP_SUBMITTER, Set.of(),
            Role.CLINICIAN, OWN_SUBSCRIPTIONS,
            Role.SAFEGUARDING_LEAD, union(CLINICAL, OWN_SUBSCRIPTIONS),
            Role.DASHBOARD, OWN_SUBSCRIPTIONS,
            Role.RESEARCHER, Set.of(),
            Role.ADMIN, union(CONFORMANCE, DIRECTORY, OWN_SUBSCRIPTIONS)));

    /**
     * Types a patient-facing app or proxy may read, as far as its scopes allow: never the audit trail, never a
     * Subscription.
     */
    private static final Set<String> PATIENT_FACING_READS = union(CONFORMANCE, DIRECTORY, CLINICAL);

    private AccessPolicy() {}

    /** Whether the caller may read or search this type at all (restricted resources of it aside). */
    public static boolean mayRead(Caller caller, String type, Interaction interaction) {
        boolean byRole = caller.patientFacing() || caller.proxy()
                ? PATIENT_FACING_READS.contains(type)
                : caller.roles().stream().anyMatch(role -> READS.get(role).contains(type));
        return byRole && caller.scopePermits(type, interaction);
    }

    /** Whether the caller may create, update or delete resources of this type. */
    public static boolean mayWrite(Caller caller, String type, Interaction interaction) {
        if (caller.patientFacing() || caller.proxy()) {
            return false;
        }
        var table = interaction == Interaction.DELETE ? DELETES : WRITES;
        return caller.roles().stream().anyMatch(role -> table.get(role).contains(type))
                && caller.scopePermits(type, interaction);
    }

    /** Whether restricted resources are visible to the caller in full. */
    public static boolean seesRestricted(Caller caller) {
        return caller.has(Role.SAFEGUARDING_LEAD) && !caller.patientFacing() && !caller.proxy();
    }

    /**
     * The clinician's view of a safeguarding Flag: that a concern exists and whom to contact, nothing more. Patient
     * apps and proxies are not clinicians, whatever their token says.
     */
    static boolean seesRedactedFlags(Caller caller) {
        return caller.has(Role.CLINICIAN) && !caller.patientFacing() && !caller.proxy();
    }

    /**
     * Whether the caller sees this type through the dashboard's pseudonymised view: it holds the dashboard role and no
     * other role of its reads the type in full. Such a caller sees every resource of the type, restricted or not, but
     * only as the dashboard's de-identification configuration leaves it. Staff apps only.
     */
    public static boolean seesPseudonymised(Caller caller, String type) {
        return DASHBOARD_VIEW.contains(type)
                && caller.has(Role.DASHBOARD)
                && !caller.patientFacing()
                && !caller.proxy()
                && caller.roles().stream()
                        .filter(role -> role != Role.DASHBOARD)
                        .noneMatch(role -> READS.get(role).contains(type));
    }

    public static Visibility visibility(Caller caller, IBaseResource resource) {
        return visibility(caller, resource, Set.of());
    }

    /**
     * With break-glass grants: a clinician who has stated a reason sees the granted patients' restricted records in
     * full, for as long as the grant lasts. Nobody else can break glass.
     */
    public static Visibility visibility(Caller caller, IBaseResource resource, Set<String> grantedPatients) {
        var visibility = labelVisibility(caller, resource);
        if (visibility != Visibility.FULL
                && !grantedPatients.isEmpty()
                && mayBreakGlass(caller)
                && mayRead(caller, resource.fhirType(), Interaction.READ)
                && PatientOf.reference(resource)
                        .filter(grantedPatients::contains)
                        .isPresent()) {
            return Visibility.FULL;
        }
        return visibility;
    }

    /**
     * Who may run {@code $safeguarding-statistics}: its counts are suppressed and rounded for publication, so the
     * dashboards and researchers who see nothing restricted may, as may the lead; staff apps only.
     */
    public static boolean mayReadStatistics(Caller caller) {
        return !caller.patientFacing()
                && !caller.proxy()
                && (caller.has(Role.SAFEGUARDING_LEAD) || caller.has(Role.DASHBOARD) || caller.has(Role.RESEARCHER));
    }

    /**
     * Who may ask for, poll and download research exports: researchers, acting as staff. The export is de-identified
     * and k-anonymous, and its pseudonyms are keyed apart from the dashboards', so no one can resolve them.
     */
    public static boolean mayExport(Caller caller) {
        return !caller.patientFacing() && !caller.proxy() && caller.has(Role.RESEARCHER);
    }

    /** Break-glass is a clinician's, acting as staff: never a patient-facing app's or a proxy's. */
    public static boolean mayBreakGlass(Caller caller) {
        return seesRedactedFlags(caller);
    }

    private static Visibility labelVisibility(Caller caller, IBaseResource resource) {
        String type = resource.fhirType();
        if (ENVELOPES.contains(type)) {
            return Visibility.FULL;
        }
        if (!mayRead(caller, type, Interaction.READ) && !mayRead(caller, type, Interaction.SEARCH)) {
            return Visibility.HIDDEN;
        }
        if (SUBSCRIPTION.equals(type)) {
            return SubscriptionOwners.owns(caller, resource) || caller.has(Role.ADMIN)
                    ? Visibility.FULL
                    : Visibility.HIDDEN;
        }
        if (seesPseudonymised(caller, type)) {
            return Visibility.PSEUDONYMISED;
        }
        if (!RestrictedLabels.restricted(resource) || seesRestricted(caller)) {
            return Visibility.FULL;
        }
        return "Flag".equals(type) && seesRedactedFlags(caller) ? Visibility.REDACTED : Visibility.HIDDEN;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
