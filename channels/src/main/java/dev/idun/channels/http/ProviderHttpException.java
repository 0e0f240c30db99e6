package dev.idun.channels.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider API call that did not succeed: the HTTP status (0 when no answer came: network error, timeout), the
 * wait the provider asked for ({@code Retry-After}), and a short description without secrets.
 */
public final class ProviderHttpException extends Exception {
    private final int status;
    private final Duration retryAfter;

    public ProviderHttpException(String message, int status, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public ProviderHttpException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.retryAfter = null;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Worth another attempt: no answer, 429 or a server error. */
    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
