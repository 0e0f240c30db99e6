package dev.idun.admin.auth;

import dev.idun.admin.db.AdminUserRow;
import dev.idun.admin.db.AdminUserStore;
import dev.idun.admin.db.DuplicateKeyException;
import dev.idun.admin.db.SessionRow;
import dev.idun.admin.db.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's password and login sessions: seeding the admin at start-up, login, logout, session validation and
 * password change. Sessions live in the database (so every instance sees them) and expire after the TTL; the cookie
 * only carries a signed session id. Passwords, cookies and whole session ids are never logged. Thread-safe.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    /** Verified when there is no admin, so a login takes as long whether or not the admin exists. */
    private static final String DUMMY_HASH = "$2b$12$5MJImZgr8QHMux9.Z7y1vO/t1mJDsOlWJx9ojf/If.kV/CEEWltqS";

    public static final int MIN_PASSWORD_LENGTH = 8;

    private final Jdbi jdbi;
    private final AdminUserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final SessionSigner signer;
    private final Clock clock;
    private final Duration ttl;

    public AuthService(
            Jdbi jdbi,
            AdminUserStore users,
            SessionStore sessions,
            PasswordHasher hasher,
            SessionSigner signer,
            Clock clock,
            Duration ttl) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.users = Objects.requireNonNull(users);
        this.sessions = Objects.requireNonNull(sessions);
        this.hasher = Objects.requireNonNull(hasher);
        this.signer = Objects.requireNonNull(signer);
        this.clock = Objects.requireNonNull(clock);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The session TTL must be positive.");
        }
        this.ttl = ttl;
    }

    /** Whether a new password is long enough: at least {@link #MIN_PASSWORD_LENGTH} characters (code points). */
    public static boolean acceptablePassword(String password) {
        return password != null && password.codePointCount(0, password.length()) >= MIN_PASSWORD_LENGTH;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Creates the admin from {@code passwordHash} when there is none; once it exists the hash is ignored, since
     * password changes are kept in the database. Safe to run on several instances at once.
     */
    public void seedAdmin(String passwordHash) {
        if (jdbi.withHandle(users::find).isPresent()) {
            if (passwordHash != null && !passwordHash.isEmpty()) {
                LOG.info("IDUN_ADMIN_PASSWORD_HASH is ignored: the admin password is already stored in the database");
            }
            return;
        }
        if (passwordHash == null || passwordHash.isEmpty()) {
            throw new AdminSeedException("IDUN_ADMIN_AUTH_MODE=password is set but no admin user exists and"
                    + " IDUN_ADMIN_PASSWORD_HASH is empty. Generate one with `idun hash-password` and export it.");
        }
        if (!BCRYPT.matcher(passwordHash).matches()) {
            throw new AdminSeedException("IDUN_ADMIN_PASSWORD_HASH is not a bcrypt hash. Generate one with"
                    + " `idun hash-password` and export it.");
        }
        Instant now = clock.instant();
        try {
            jdbi.useTransaction(h -> users.insert(h, new AdminUserRow(passwordHash, now, now, null)));
            LOG.info("Created the admin user from IDUN_ADMIN_PASSWORD_HASH");
        } catch (DuplicateKeyException e) {
            LOG.info("The admin user was created by another instance");
        }
    }

    /** Checks the password and opens a session; returns the signed cookie value. */
    public String login(String password) {
        Optional<AdminUserRow> admin = jdbi.withHandle(users::find);
        boolean matches =
                hasher.verify(password, admin.map(AdminUserRow::passwordHash).orElse(DUMMY_HASH));
        if (admin.isEmpty()) {
            throw new AdminNotSeededException();
        }
        if (!matches) {
            throw new InvalidCredentialsException("Invalid credentials.");
        }
        String id = signer.newSessionId();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            sessions.deleteExpired(h, now);
            sessions.insert(h, new SessionRow(id, AdminUserStore.ADMIN_ID, now.plus(ttl), now));
        });
        LOG.info("Admin session {} opened", SessionSigner.abbreviate(id));
        return signer.sign(id);
    }

    /** Ends the session of this cookie, if it names one; anything else is ignored. */
    public void logout(String cookieValue) {
        signer.verify(cookieValue).ifPresent(id -> {
            if (jdbi.inTransaction(h -> sessions.delete(h, id))) {
                LOG.info("Admin session {} closed", SessionSigner.abbreviate(id));
            }
        });
    }

    /**
     * The session id of a cookie that is correctly signed and names a live session. An expired session is deleted
     * when seen. Validation never extends a session.
     */
    public Optional<String> validate(String cookieValue) {
        Optional<String> id = signer.verify(cookieValue);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionRow> row = jdbi.withHandle(h -> sessions.find(h, id.get()));
        if (row.isEmpty() || !AdminUserStore.ADMIN_ID.equals(row.get().userId())) {
            return Optional.empty();
        }
        if (!row.get().expiresAt().isAfter(clock.instant())) {
            jdbi.useTransaction(h -> sessions.delete(h, id.get()));
            LOG.info("Admin session {} expired", SessionSigner.abbreviate(id.get()));
            return Optional.empty();
        }
        return id;
    }

    /**
     * Replaces the admin password after checking the current one, and ends every session except {@code keepSessionId}
     * (the caller's; null ends them all).
     */
    public void changePassword(String keepSessionId, String currentPassword, String newPassword) {
        if (!acceptablePassword(newPassword)) {
            throw new IllegalArgumentException("New password must be at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        AdminUserRow admin = jdbi.withHandle(users::find).orElseThrow(AdminNotSeededException::new);
        if (!hasher.verify(currentPassword, admin.passwordHash())) {
            throw new InvalidCredentialsException("Current password is incorrect.");
        }
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        int ended = jdbi.inTransaction(h -> {
            users.updatePassword(h, hash, now);
            return sessions.deleteAllExcept(h, keepSessionId);
        });
        LOG.info("Admin password changed; {} other session(s) ended", ended);
    }
}
