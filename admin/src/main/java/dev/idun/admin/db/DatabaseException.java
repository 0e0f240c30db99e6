package dev.idun.admin.db;

/** Thrown when the database cannot be opened or its schema cannot be migrated. */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
