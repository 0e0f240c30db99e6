package dev.idun.admin.auth;

/** A password that does not match the stored admin password (or no admin to match it against, at login). */
public final class InvalidCredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidCredentialsException(String message) {
        super(message);
    }
}
