package dev.idun.channels.discord;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks Discord's interaction signature: Ed25519 over {@code X-Signature-Timestamp + raw body} with the
 * application's public key, and a timestamp no more than five minutes away from now (so a captured request cannot
 * be replayed later). Thread-safe.
 */
public final class DiscordSignatureVerifier {
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key (OID 1.3.101.112). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey publicKey;
    private final Clock clock;

    private DiscordSignatureVerifier(PublicKey publicKey, Clock clock) {
        this.publicKey = publicKey;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A verifier for the hex public key of a Discord application; throws when it is not a 32-byte hex key. */
    public static DiscordSignatureVerifier of(String publicKeyHex, Clock clock) {
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(publicKeyHex.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Discord publicKey is not hexadecimal");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("Discord publicKey must be 32 bytes (64 hex digits)");
        }
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            return new DiscordSignatureVerifier(key, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Discord publicKey is not a valid Ed25519 key");
        }
    }

    /** True when the signature is genuine and the timestamp fresh; any malformed input is simply not genuine. */
    public boolean verify(String timestamp, String signatureHex, byte[] body) {
        if (timestamp == null || signatureHex == null || body == null || !fresh(timestamp)) {
            return false;
        }
        try {
            byte[] signature = HexFormat.of().parseHex(signatureHex.trim());
            if (signature.length != 64) {
                return false;
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private boolean fresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                .abs();
        return age.compareTo(MAX_AGE) <= 0;
    }
}
