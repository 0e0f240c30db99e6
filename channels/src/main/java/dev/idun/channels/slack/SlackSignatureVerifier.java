package dev.idun.channels.slack;

import dev.idun.channels.http.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Slack's request signing (v0): {@code X-Slack-Signature} must equal {@code v0=} + hex HMAC-SHA256 of {@code
 * v0:<timestamp>:<raw body>} under the signing secret, and {@code X-Slack-Request-Timestamp} must be within five
 * minutes of now (so a captured request cannot be replayed later). Thread-safe.
 */
final class SlackSignatureVerifier {
    static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final Clock clock;

    SlackSignatureVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Null when the request is genuine, else why it is not. */
    String problem(String signingSecret, String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return "Missing request signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "Invalid request timestamp";
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "Stale request timestamp";
        }
        byte[] prefix = ("v0:" + timestamp.trim() + ":").getBytes(StandardCharsets.UTF_8);
        byte[] base = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, base, 0, prefix.length);
        System.arraycopy(body, 0, base, prefix.length, body.length);
        return HmacSha256.matches(signingSecret, base, "v0=", signature) ? null : "Invalid request signature";
    }
}
