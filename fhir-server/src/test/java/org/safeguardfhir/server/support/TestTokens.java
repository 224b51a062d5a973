package org.safeguardfhir.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.safeguardfhir.server.security.Role;

/**
 * Tokens for tests, signed with a key pair generated for this test JVM. The server under test verifies them against
 * the public key ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), as it would an external
 * issuer's: real signature checks, no bypass.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.safeguardfhir.org";

    private static final RSAKey KEY = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {}

    /** The property value that makes a server trust this JVM's test key. */
    public static String publicKeyLocation() {
        return "file:" + PUBLIC_KEY;
    }

    public static String publicKeyProperty() {
        return "spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation();
    }

    /** The property value that makes the server expect this class's issuer, as a deployment with a fixed key must. */
    public static String issuerProperty() {
        return "safeguard.security.issuer=" + ISSUER;
    }

    /** Every staff role at once: for tests about something other than access control. */
    public static String superuser() {
        return forRoles(Role.GP_SUBMITTER, Role.CLINICIAN, Role.SAFEGUARDING_LEAD, Role.ADMIN);
    }

    public static String forRoles(Role... roles) {
        return sign(claims(roles).build());
    }

    /** A valid token's claims, to change before signing. */
    public static JWTClaimsSet.Builder claims(Role... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("test-"
                        + String.join(
                                "-", Arrays.stream(roles).map(Role::claimValue).toList()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", Arrays.stream(roles).map(Role::claimValue).toList())
                .claim("scope", "user/*.cruds");
    }

    public static String sign(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    public static String sign(JWTClaimsSet claims, RSAKey key) {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Another key pair: its tokens are well formed but signed by no one the server trusts. */
    public static RSAKey otherKey() {
        return generate();
    }

    public static RSAKey key() {
        return KEY;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("safeguard-test-issuer", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder()
                            .encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
