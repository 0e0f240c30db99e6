package dev.idun.channels.oauth;

/** The provider's token endpoint did not grant a token; the message never holds a secret. */
public final class TokenRequestException extends Exception {
    private final int status;

    public TokenRequestException(String message, int status) {
        super(message);
        this.status = status;
    }

    public TokenRequestException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status of the token endpoint's answer; 0 when there was none (network error, timeout). */
    public int status() {
        return status;
    }
}
