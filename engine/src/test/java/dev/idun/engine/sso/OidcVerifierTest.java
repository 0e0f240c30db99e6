package dev.idun.engine.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.config.sso.SsoConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OidcVerifierTest {
    private FakeIssuer issuer;
    private MutableClock clock;

    static final class MutableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws Exception {
        issuer = new FakeIssuer();
        clock = new MutableClock();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private OidcVerifier verifier(List<String> domains, List<String> emails) {
        SsoConfig config = new SsoConfig(true, issuer.issuer(), "client-1", null, domains, emails);
        return new OidcVerifier(config, HttpClient.newHttpClient(), clock);
    }

    private String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void accepts_a_valid_token_and_names_the_user() throws Exception {
        SsoUser user = verifier(null, null)
                .verify(bearer(issuer.token("client-1", "ada@example.com", clock.now.plusSeconds(300))));

        assertThat(user.subject()).isEqualTo("user-ada@example.com");
        assertThat(user.userId()).isEqualTo("ada@example.com");
    }

    @Test
    void rejects_missing_malformed_expired_and_foreign_tokens() throws Exception {
        OidcVerifier verifier = verifier(null, null);
        Instant later = clock.now.plusSeconds(300);

        assertRejected(() -> verifier.verify(null), 401);
        assertRejected(() -> verifier.verify("Basic abc"), 401);
        assertRejected(() -> verifier.verify(bearer("not.a.jwt")), 401);
        assertRejected(
                () -> verifier.verify(bearer(issuer.token("client-1", "a@x.com", clock.now.minusSeconds(120)))), 401);
        assertRejected(() -> verifier.verify(bearer(issuer.token("other-client", "a@x.com", later))), 401);
        assertRejected(
                () -> verifier.verify(bearer(issuer.token(
                        "https://evil.example", "client-1", "a@x.com", later, FakeIssuer.newKey("key-1")))),
                401);
        assertRejected(
                () -> verifier.verify(bearer(
                        issuer.token(issuer.issuer(), "client-1", "a@x.com", later, FakeIssuer.newKey("key-1")))),
                401);
        String valid = issuer.token("client-1", "a@x.com", later);
        String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertRejected(() -> verifier.verify(bearer(tampered)), 401);
    }

    @Test
    void limits_users_to_the_allowed_domains_and_emails() throws Exception {
        OidcVerifier verifier = verifier(List.of("example.com"), List.of("guest@other.org"));
        Instant later = clock.now.plusSeconds(300);

        assertThat(verifier.verify(bearer(issuer.token("client-1", "Ada@Example.com", later)))
                        .email())
                .isEqualTo("Ada@Example.com");
        assertThat(verifier.verify(bearer(issuer.token("client-1", "guest@other.org", later)))
                        .email())
                .isEqualTo("guest@other.org");
        assertRejected(() -> verifier.verify(bearer(issuer.token("client-1", "eve@other.org", later))), 403);
        assertRejected(() -> verifier.verify(bearer(issuer.token("client-1", null, later))), 403);
    }

    @Test
    void caches_the_keys_and_refetches_them_when_the_issuer_rotates() throws Exception {
        OidcVerifier verifier = verifier(null, null);
        verifier.verify(bearer(issuer.token("client-1", "a@x.com", clock.now.plusSeconds(3600))));
        verifier.verify(bearer(issuer.token("client-1", "a@x.com", clock.now.plusSeconds(3600))));
        assertThat(issuer.jwksFetches()).isEqualTo(1);

        issuer.rotate("key-2");
        String rotated = issuer.token("client-1", "a@x.com", clock.now.plusSeconds(3600));
        assertRejected(() -> verifier.verify(bearer(rotated)), 401);

        clock.now = clock.now.plus(Duration.ofSeconds(31));
        assertThat(verifier.verify(bearer(rotated)).subject()).isEqualTo("user-a@x.com");
        assertThat(issuer.jwksFetches()).isEqualTo(2);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
        assertThatThrownBy(call)
                .isInstanceOf(SsoRejection.class)
                .satisfies(e -> assertThat(((SsoRejection) e).status()).isEqualTo(status));
    }
}
