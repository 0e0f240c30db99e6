package dev.idun.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.channels.http.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {
    private static final long NOW = 1_733_300_000L;
    private final SlackSignatureVerifier verifier =
            new SlackSignatureVerifier(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private final byte[] body = "{\"type\":\"event_callback\"}".getBytes(StandardCharsets.UTF_8);

    private String sign(String secret, long ts) {
        byte[] base = ("v0:" + ts + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "v0=" + HmacSha256.hex(secret, base);
    }

    @Test
    void accepts_a_fresh_genuine_signature() {
        assertThat(verifier.problem("s3cret", Long.toString(NOW - 299), sign("s3cret", NOW - 299), body))
                .isNull();
    }

    @Test
    void refuses_a_timestamp_outside_five_minutes_either_way() {
        assertThat(verifier.problem("s3cret", Long.toString(NOW - 301), sign("s3cret", NOW - 301), body))
                .isEqualTo("Stale request timestamp");
        assertThat(verifier.problem("s3cret", Long.toString(NOW + 301), sign("s3cret", NOW + 301), body))
                .isEqualTo("Stale request timestamp");
    }

    @Test
    void refuses_a_wrong_secret_a_replayed_timestamp_and_missing_headers() {
        assertThat(verifier.problem("s3cret", Long.toString(NOW), sign("other", NOW), body))
                .isEqualTo("Invalid request signature");
        assertThat(verifier.problem("s3cret", Long.toString(NOW), sign("s3cret", NOW - 1), body))
                .isEqualTo("Invalid request signature");
        assertThat(verifier.problem("s3cret", null, null, body)).isEqualTo("Missing request signature");
        assertThat(verifier.problem("s3cret", "yesterday", sign("s3cret", NOW), body))
                .isEqualTo("Invalid request timestamp");
    }
}
