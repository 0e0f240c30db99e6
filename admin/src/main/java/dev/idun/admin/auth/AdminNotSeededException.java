package dev.idun.admin.auth;

/** The admin row is missing: it is seeded at start-up in password mode, so someone removed it since. */
public final class AdminNotSeededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AdminNotSeededException() {
        super("No admin user is stored.");
    }
}
