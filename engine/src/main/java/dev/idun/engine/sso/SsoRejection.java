package dev.idun.engine.sso;

/** A chat request refused by SSO: 401 for a missing or invalid token, 403 for a user who is not allowed. */
public final class SsoRejection extends RuntimeException {
    private final int status;

    public SsoRejection(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
