package org.safeguardfhir.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class NotificationSignatureTest {

    private static final byte[] BODY = "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsAnHmacOfTheTimeAndBodyAsAReceiverWouldComputeIt() throws Exception {
        String header = NotificationSignature.header("s3cret", 1_700_000_000L, BODY);

        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1700000000.".getBytes(StandardCharsets.US_ASCII));
        assertThat(header).isEqualTo("t=1700000000,v1=" + HexFormat.of().formatHex(mac.doFinal(BODY)));
    }

    @Test
    void aChangedBodyTimeOrSecretFailsVerification() {
        String header = NotificationSignature.header("s3cret", 1_700_000_000L, BODY);

        assertThat(NotificationSignature.verify("s3cret", header, BODY)).isTrue();
        assertThat(NotificationSignature.verify("other", header, BODY)).isFalse();
        assertThat(NotificationSignature.verify("s3cret", header, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(NotificationSignature.verify("s3cret", header.replace("t=1700000000", "t=1700000001"), BODY))
                .isFalse();
        assertThat(NotificationSignature.verify("s3cret", "garbage", BODY)).isFalse();
    }

    @Test
    void backoffDoublesFromTheFirstFailureUpToTheCap() {
        var properties = new NotificationProperties(
                false, null, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5), 3, null);

        assertThat(properties.backoff(1)).hasSeconds(1);
        assertThat(properties.backoff(2)).hasSeconds(2);
        assertThat(properties.backoff(3)).hasSeconds(4);
        assertThat(properties.backoff(4)).hasSeconds(5);
        assertThat(properties.backoff(60)).hasSeconds(5);
    }
}
