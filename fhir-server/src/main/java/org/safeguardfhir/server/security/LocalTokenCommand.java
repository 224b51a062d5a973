package org.safeguardfhir.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints a token of the embedded default's local issuer: {@code bin/token <role>[,<role>…] [options]} prints one to
 * standard output. Options: {@code --data-dir} (default {@code $SAFEGUARD_DATA_DIR} or {@code ./data}, as the
 * server's), {@code --scope} (default {@code user/*.cruds}), {@code --patient <id>} (a patient-facing app's token),
 * {@code --fhir-user <reference>}, {@code --subject}, {@code --minutes} (default 60).
 */
public final class LocalTokenCommand {

    /** What to put in a token. */
    public record TokenRequest(
            List<String> roles,
            String scope,
            Optional<String> patient,
            Optional<String> fhirUser,
            String subject,
            Duration lifetime) {

        public static TokenRequest forRoles(String... roles) {
            return new TokenRequest(
                    List.of(roles),
                    "user/*.cruds",
                    Optional.empty(),
                    Optional.empty(),
                    "local-" + String.join("-", roles),
                    Duration.ofMinutes(60));
        }
    }

    private LocalTokenCommand() {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: bin/token <role>[,<role>...] [--data-dir DIR] [--scope SCOPES] [--patient ID]"
                    + " [--fhir-user REFERENCE] [--subject SUB] [--minutes N]");
            System.err.println("roles: "
                    + Arrays.stream(Role.values()).map(Role::claimValue).toList());
            System.exit(2);
        }
        var roles = List.of(args[0].split(","));
        var unknown =
                roles.stream().filter(r -> Role.fromClaimValue(r).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            System.err.println("unknown role(s) " + unknown + "; roles: "
                    + Arrays.stream(Role.values()).map(Role::claimValue).toList());
            System.exit(2);
        }
        String env = System.getenv("SAFEGUARD_DATA_DIR");
        Path dataDir = Path.of(env == null || env.isBlank() ? "./data" : env);
        var request = TokenRequest.forRoles(roles.toArray(String[]::new));
        String scope = request.scope();
        Optional<String> patient = Optional.empty();
        Optional<String> fhirUser = Optional.empty();
        String subject = request.subject();
        Duration lifetime = request.lifetime();
        for (int i = 1; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--scope" -> scope = value;
                case "--patient" -> patient = Optional.of(value);
                case "--fhir-user" -> fhirUser = Optional.of(value);
                case "--subject" -> subject = value;
                case "--minutes" -> lifetime = Duration.ofMinutes(Long.parseLong(value));
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (patient.isPresent() && "user/*.cruds".equals(scope)) {
            scope = "patient/*.rs";
        }
        System.out.println(mint(
                LocalIssuerKeys.loadOrCreate(dataDir),
                new TokenRequest(roles, scope, patient, fhirUser, subject, lifetime)));
    }

    public static String mint(LocalIssuerKeys keys, TokenRequest request) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(LocalIssuerKeys.ISSUER)
                .subject(request.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(request.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", new ArrayList<>(request.roles()))
                .claim("scope", request.scope());
        request.patient().ifPresent(patient -> claims.claim("patient", patient));
        request.fhirUser().ifPresent(user -> claims.claim("fhirUser", user));
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the local issuer's key", e);
        }
        return jwt.serialize();
    }
}
