package dev.idun.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DiscordSignatureVerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] BODY = "{\"id\":\"1\",\"type\":1}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair pair = newPair();
    private final DiscordSignatureVerifier verifier = DiscordSignatureVerifier.of(publicHex(pair), CLOCK);
    private final String timestamp = Long.toString(NOW.getEpochSecond());

    @Test
    void accepts_a_genuine_signature() {
        assertThat(verifier.verify(timestamp, sign(pair, timestamp, BODY), BODY))
                .isTrue();
    }

    @Test
    void rejects_a_tampered_body() {
        byte[] tampered = "{\"id\":\"1\",\"type\":2}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(timestamp, sign(pair, timestamp, BODY), tampered))
                .isFalse();
    }

    @Test
    void rejects_a_signature_made_with_another_key() {
        assertThat(verifier.verify(timestamp, sign(newPair(), timestamp, BODY), BODY))
                .isFalse();
    }

    @Test
    void rejects_a_signature_over_another_timestamp() {
        String other = Long.toString(NOW.getEpochSecond() - 1);
        assertThat(verifier.verify(timestamp, sign(pair, other, BODY), BODY)).isFalse();
    }

    @Test
    void rejects_random_and_malformed_signatures() {
        assertThat(verifier.verify(timestamp, "ab".repeat(64), BODY)).isFalse();
        assertThat(verifier.verify(timestamp, "not hex", BODY)).isFalse();
        assertThat(verifier.verify(timestamp, "abcd", BODY)).isFalse();
        assertThat(verifier.verify(timestamp, null, BODY)).isFalse();
        assertThat(verifier.verify(null, sign(pair, timestamp, BODY), BODY)).isFalse();
    }

    @Test
    void rejects_a_timestamp_older_than_five_minutes_even_when_signed() {
        String stale = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        String recent = Long.toString(NOW.minusSeconds(299).getEpochSecond());
        assertThat(verifier.verify(stale, sign(pair, stale, BODY), BODY)).isFalse();
        assertThat(verifier.verify(recent, sign(pair, recent, BODY), BODY)).isTrue();
    }

    @Test
    void rejects_a_timestamp_far_in_the_future_and_a_non_numeric_one() {
        String future = Long.toString(NOW.plusSeconds(600).getEpochSecond());
        assertThat(verifier.verify(future, sign(pair, future, BODY), BODY)).isFalse();
        assertThat(verifier.verify("yesterday", sign(pair, "yesterday", BODY), BODY))
                .isFalse();
    }

    @Test
    void refuses_a_public_key_that_is_not_32_hex_bytes() {
        assertThatThrownBy(() -> DiscordSignatureVerifier.of("zz", CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> DiscordSignatureVerifier.of("abcd", CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    static KeyPair newPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key, hex: the last 32 bytes of the X.509 encoding. */
    static String publicHex(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    static String sign(KeyPair pair, String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(body);
            return HexFormat.of().formatHex(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
