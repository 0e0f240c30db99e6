package dev.idun.channels.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps one access token and asks for a new one only when it is missing or within a minute of expiring, so every
 * outbound message does not cost a token request. Thread-safe: concurrent callers share one fetch.
 */
public final class AccessTokenCache {
    private static final Duration MARGIN = Duration.ofSeconds(60);

    /** Obtains a fresh token from the provider. */
    @FunctionalInterface
    public interface Fetcher {
        AccessToken fetch() throws TokenRequestException;
    }

    private final Fetcher fetcher;
    private final Clock clock;
    private AccessToken current;

    public AccessTokenCache(Fetcher fetcher, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token valid for at least another minute. */
    public synchronized String token() throws TokenRequestException {
        if (current == null || !clock.instant().plus(MARGIN).isBefore(current.expiresAt())) {
            current = fetcher.fetch();
        }
        return current.value();
    }

    /** Forgets the token (after the provider refused it), so the next call fetches a new one. */
    public synchronized void invalidate() {
        current = null;
    }
}
