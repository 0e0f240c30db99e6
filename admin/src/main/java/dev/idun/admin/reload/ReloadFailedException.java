package dev.idun.admin.reload;

/** The runtime for a new config could not be built; the live runtime is untouched. */
public final class ReloadFailedException extends Exception {
    public ReloadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
