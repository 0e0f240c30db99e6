package dev.idun.admin.db;

/** Thrown by a store when a write would break a primary-key or unique constraint, on either database. */
public final class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
