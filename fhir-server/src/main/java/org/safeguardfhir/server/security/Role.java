package org.safeguardfhir.server.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token can carry, by the value that names them in the roles claim. */
public enum Role {
    GP_SUBMITTER("gp-submitter"),
    CLINICIAN("clinician"),
    SAFEGUARDING_LEAD("safeguarding-lead"),
    DASHBOARD("dashboard"),
    RESEARCHER("researcher"),
    ADMIN("admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security authority, for URL rules such as {@code hasAuthority(Role.ADMIN.authority())}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Empty for a value that names no role of ours: an identity provider's other roles are not an error. */
    public static Optional<Role> fromClaimValue(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
