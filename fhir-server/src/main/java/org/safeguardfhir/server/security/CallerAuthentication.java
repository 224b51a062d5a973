package org.safeguardfhir.server.security;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified token, with the {@link Caller} read from it. */
public class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerAuthentication(Jwt jwt, Caller caller) {
        super(
                jwt,
                caller.roles().stream()
                        .map(role -> new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                role.authority()))
                        .toList(),
                caller.subject());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    /** The OAuth client the token was issued to: RFC 9068's {@code client_id}, else OpenID Connect's {@code azp}. */
    public Optional<String> client() {
        var jwt = getToken();
        return Optional.ofNullable(jwt.getClaimAsString("client_id"))
                .or(() -> Optional.ofNullable(jwt.getClaimAsString("azp")));
    }

    /** The verified token of the request this thread serves; empty for the server's own work. */
    public static Optional<CallerAuthentication> currentAuthentication() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                ? Optional.of(authentication)
                : Optional.empty();
    }

    /** The caller of the request this thread serves; empty for the server's own work and unauthenticated paths. */
    public static Optional<Caller> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                ? Optional.of(authentication.caller())
                : Optional.empty();
    }
}
