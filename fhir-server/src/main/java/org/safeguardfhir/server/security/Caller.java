package org.safeguardfhir.server.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the verified token says.
 *
 * @param subject the token's {@code sub}, for the audit trail
 * @param roles the roles of ours the token carries
 * @param scopes the SMART resource scopes the token grants
 * @param patient the {@code patient} claim of a patient-facing app's token
 * @param fhirUser the {@code fhirUser} claim: who the user is, such as {@code Practitioner/12} or
 *     {@code RelatedPerson/7}
 */
public record Caller(
        String subject, Set<Role> roles, List<SmartScope> scopes, Optional<String> patient, Optional<String> fhirUser) {

    public Caller {
        roles = Set.copyOf(roles);
        scopes = List.copyOf(scopes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A patient-facing app: it acts for one patient, never for staff, whatever roles its token claims. */
    public boolean patientFacing() {
        return patient.isPresent() || scopes.stream().anyMatch(s -> s.context() == SmartScope.Context.PATIENT);
    }

    /** Someone acting for the patient (a relative, a friend, an interpreter): exactly who a trafficker may pose as. */
    public boolean proxy() {
        return fhirUser.filter(user -> user.startsWith("RelatedPerson/") || user.contains("/RelatedPerson/"))
                .isPresent();
    }

    /** Whether some scope of the token permits this interaction on this type. */
    public boolean scopePermits(String resourceType, SmartScope.Interaction interaction) {
        return scopes.stream().anyMatch(s -> s.permits(resourceType, interaction));
    }
}
