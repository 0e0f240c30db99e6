package dev.idun.channels.oauth;

import java.time.Instant;
import java.util.Objects;

/** An OAuth access token and the moment it stops being valid. */
public record AccessToken(String value, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
