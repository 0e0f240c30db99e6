package dev.idun.admin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt ({@code $2b$}, cost 12) hashing of the admin password. Stateless and thread-safe. */
public final class PasswordHasher {
    private static final int COST = 12;

    public String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Password must not be empty.");
        }
        return new String(
                BCrypt.with(BCrypt.Version.VERSION_2B).hash(COST, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    /** False for a wrong password, an empty input or a malformed hash; never throws. */
    public boolean verify(String password, String hash) {
        if (password == null || password.isEmpty() || hash == null || hash.isEmpty()) {
            return false;
        }
        try {
            return BCrypt.verifyer()
                    .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                    .verified;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
