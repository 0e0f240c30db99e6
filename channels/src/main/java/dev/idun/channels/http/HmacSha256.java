package dev.idun.channels.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures of webhook bodies, compared in constant time. */
public final class HmacSha256 {
    private HmacSha256() {}

    /** The lower-case hex HMAC-SHA256 of {@code message} under {@code secret} (UTF-8). */
    public static String hex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code given} equals {@code prefix + hex(secret, message)}, compared in constant time. */
    public static boolean matches(String secret, byte[] message, String prefix, String given) {
        if (secret == null || secret.isEmpty() || given == null) {
            return false;
        }
        byte[] expected = (prefix + hex(secret, message)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(
                expected, given.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
