package dev.idun.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes session ids (32 random bytes, base64url) and signs them for the session cookie as {@code <id>.<signature>},
 * the signature being HMAC-SHA256 of the id under the session secret. Thread-safe.
 */
public final class SessionSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SessionSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The session secret must not be empty.");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A signer under a secret made up for this process: for none mode, where no session cookie is ever issued. */
    public static SessionSigner withRandomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SessionSigner(ENCODER.encodeToString(bytes));
    }

    /** A new unguessable session id of 43 URL-safe characters. */
    public String newSessionId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    public String sign(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("Not a session id.");
        }
        return sessionId + "." + ENCODER.encodeToString(mac(sessionId));
    }

    /** The session id of a cookie value this signer signed; empty for anything else, never an exception. */
    public Optional<String> verify(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = cookieValue.substring(0, dot);
        if (!SESSION_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(cookieValue.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // The encoded form is compared too, so only the one canonical spelling of a signature is accepted.
        boolean canonical = ENCODER.encodeToString(given).equals(cookieValue.substring(dot + 1));
        return MessageDigest.isEqual(mac(id), given) && canonical ? Optional.of(id) : Optional.empty();
    }

    /** The first characters of a session id, enough to follow it in logs without revealing it. */
    public static String abbreviate(String sessionId) {
        return sessionId == null ? "-" : sessionId.substring(0, Math.min(8, sessionId.length())) + "...";
    }

    private byte[] mac(String sessionId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(sessionId.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
