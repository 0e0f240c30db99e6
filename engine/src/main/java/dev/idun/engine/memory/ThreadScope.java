package dev.idun.engine.memory;

import dev.idun.engine.sso.SsoUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whose threads a caller sees. Without SSO every caller shares one space of thread ids; a signed-in user gets a
 * space of their own, so another user naming the same thread id neither reads nor extends it. A user's threads are
 * stored under {@code sso-<32 hex digits of SHA-256(subject)>:<thread id>}: fixed length, so no user's prefix is
 * another's.
 */
public record ThreadScope(String prefix) {
    private static final ThreadScope SHARED = new ThreadScope("");

    public static ThreadScope shared() {
        return SHARED;
    }

    public static ThreadScope of(SsoUser user) {
        return user == null
                ? SHARED
                : new ThreadScope("sso-" + sha256Hex(user.subject()).substring(0, 32) + ":");
    }

    /** The id a thread of this scope is stored under. */
    public String storedId(String threadId) {
        return prefix + threadId;
    }

    /** Whether a stored thread belongs to this scope (the shared scope sees every thread). */
    public boolean owns(String storedId) {
        return storedId.startsWith(prefix);
    }

    /** The id the caller knows a stored thread of this scope by. */
    public String clientId(String storedId) {
        return storedId.substring(prefix.length());
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
