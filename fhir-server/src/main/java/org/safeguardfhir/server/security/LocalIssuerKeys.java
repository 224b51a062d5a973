package org.safeguardfhir.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.safeguardfhir.server.database.OwnerOnlyFiles;

/**
 * The embedded default's signing key: an RSA key generated on first use into {@code <data-dir>/local-issuer}, readable
 * only by the server's user. Whoever can read the data directory can mint tokens, which is the trust an operator of
 * the embedded default already has: they can read the database files too.
 */
public final class LocalIssuerKeys {

    /** The {@code iss} of every token the local issuer mints, and the only one its decoder accepts. */
    public static final String ISSUER = "https://local-issuer.safeguardfhir.invalid";

    private static final String KEY_FILE = "signing-key.pem";

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;

    private LocalIssuerKeys(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
        this.privateKey = privateKey;
        this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    }

    public static Path directory(Path dataDir) {
        return dataDir.resolve("local-issuer").toAbsolutePath().normalize();
    }

    /** Reads the key of this data directory, generating it the first time. */
    public static LocalIssuerKeys loadOrCreate(Path dataDir) {
        Path file = directory(dataDir).resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String pem = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            var key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new LocalIssuerKeys((RSAPrivateCrtKey) key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local issuer's key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The local issuer's key " + file + " is not a PKCS#8 RSA private key", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        OwnerOnlyFiles.writeOnce(
                file,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }
}
