package org.safeguardfhir.server.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>">}, keyed with the
 * Subscription's secret. Signing the time with the body lets a receiver refuse a replayed delivery as well as a forged
 * one.
 */
final class NotificationSignature {

    static final String HEADER = "X-Safeguard-Signature";

    private NotificationSignature() {}

    static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds, body));
    }

    /** What a receiver does: recomputes the signature and compares in constant time. */
    static boolean verify(String secret, String header, byte[] body) {
        long time;
        String signature;
        try {
            var parts = header.split(",", 2);
            time = Long.parseLong(parts[0].substring(parts[0].indexOf("t=") + 2));
            signature = parts[1].substring(parts[1].indexOf("v1=") + 3);
        } catch (RuntimeException malformed) {
            return false;
        }
        return MessageDigest.isEqual(
                HexFormat.of().formatHex(mac(secret, time, body)).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(String secret, long unixSeconds, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
