package dev.idun.admin.auth;

/** Password mode cannot start: there is no admin row and no usable IDUN_ADMIN_PASSWORD_HASH to create it from. */
public final class AdminSeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AdminSeedException(String message) {
        super(message);
    }
}
