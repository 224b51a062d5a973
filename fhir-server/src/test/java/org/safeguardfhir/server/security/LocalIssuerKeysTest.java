package org.safeguardfhir.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardfhir.server.database.DataDirectoryProperties;
import org.springframework.security.oauth2.jwt.BadJwtException;

class LocalIssuerKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesTheKeyOnceReadableOnlyByItsOwnerAndReadsItBack() throws Exception {
        var first = LocalIssuerKeys.loadOrCreate(dataDir);
        var again = LocalIssuerKeys.loadOrCreate(dataDir);

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        Path key = LocalIssuerKeys.directory(dataDir).resolve("signing-key.pem");
        assertThat(Files.getPosixFilePermissions(key))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theServersDecoderAcceptsAMintedTokenWithItsClaims() {
        var decoder = new LocalIssuerConfiguration().localIssuerJwtDecoder(new DataDirectoryProperties(dataDir));

        var jwt = decoder.decode(LocalTokenCommand.mint(
                LocalIssuerKeys.loadOrCreate(dataDir), LocalTokenCommand.TokenRequest.forRoles("clinician")));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("clinician");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("user/*.cruds");
        assertThat(jwt.getIssuer().toString()).isEqualTo(LocalIssuerKeys.ISSUER);
    }

    @Test
    void theServersDecoderRefusesAnExpiredToken() {
        var decoder = new LocalIssuerConfiguration().localIssuerJwtDecoder(new DataDirectoryProperties(dataDir));
        var expired = new LocalTokenCommand.TokenRequest(
                List.of("admin"), "user/*.rs", Optional.empty(), Optional.empty(), "x", Duration.ofMinutes(-5));

        String token = LocalTokenCommand.mint(LocalIssuerKeys.loadOrCreate(dataDir), expired);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aKeyFileThatIsNotAKeyStopsTheServerWithItsPath() throws Exception {
        Path key = LocalIssuerKeys.directory(dataDir).resolve("signing-key.pem");
        Files.createDirectories(key.getParent());
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> LocalIssuerKeys.loadOrCreate(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(key.toString());
    }
}
