package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.admin.auth.SessionSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session cookie: its attributes, expiry, tampering, secret rotation, and that no password or session id reaches
 * the logs; over real HTTP, against one kind of database.
 */
abstract class AuthSessionSuite {
    static final String AUTH = AuthEndpointsSuite.AUTH;
    static final String GATE_BODY = AuthEndpointsSuite.GATE_BODY;

    @TempDir
    Path dir;

    AuthFixture fixture;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void create() {
        fixture = new AuthFixture(newDatabaseUrl(dir), dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void the_login_cookie_is_http_only_lax_and_not_secure_over_plain_http() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.SetCookie cookie =
                http.login(AuthFixture.PASSWORD).sessionCookie().orElseThrow();

        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.get("SameSite")).isEqualToIgnoringCase("lax");
        assertThat(cookie.has("Secure")).isFalse();
        assertThat(cookie.get("Path")).isEqualTo("/");
        assertThat(cookie.get("Max-Age")).isEqualTo("86400");
    }

    @Test
    void the_cookie_is_secure_behind_a_proxy_that_terminates_tls() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.SetCookie login = http.post(
                        AUTH + "/login", "{\"password\": \"hunter2\"}", "X-Forwarded-Proto", "HTTPS")
                .sessionCookie()
                .orElseThrow();
        AuthHttp.SetCookie logout = http.post(
                        AUTH + "/logout", null, "X-Forwarded-Proto", "https", "X-Requested-With", "fetch")
                .sessionCookie()
                .orElseThrow();

        assertThat(login.has("Secure")).isTrue();
        assertThat(logout.has("Secure")).isTrue();
        assertThat(logout.value()).isEmpty();
    }

    @Test
    void the_cookie_lives_as_long_as_the_configured_ttl() {
        Map<String, String> env = new HashMap<>(AuthFixture.passwordEnv(AuthFixture.SECRET));
        env.put("IDUN_SESSION_TTL_HOURS", "2");
        AuthHttp http = fixture.start(env);

        assertThat(http.login(AuthFixture.PASSWORD)
                        .sessionCookie()
                        .orElseThrow()
                        .get("Max-Age"))
                .isEqualTo("7200");
        fixture.clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isTrue();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
    }

    @Test
    void a_mangled_cookie_is_not_a_session() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        String cookie = http.session();
        http.session(cookie.substring(0, cookie.length() - 3) + "xyz");

        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
        assertThat(http.get("/admin/api/v1/integrations").body()).isEqualTo(GATE_BODY);
        assertThat(fixture.sessionRows()).isEqualTo(1);
    }

    @Test
    void a_correctly_signed_cookie_for_an_unknown_session_is_rejected() {
        AuthHttp http = fixture.startPassword();
        SessionSigner signer = new SessionSigner(AuthFixture.SECRET);
        http.session(signer.sign(signer.newSessionId()));

        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
        assertThat(http.get("/admin/api/v1/integrations").status()).isEqualTo(401);
    }

    @Test
    void sessions_survive_a_restart_but_not_a_new_session_secret() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        String cookie = http.session();

        AuthHttp sameSecret = fixture.startPassword();
        sameSecret.session(cookie);
        assertThat(sameSecret.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isTrue();

        AuthHttp rotated = fixture.start(AuthFixture.passwordEnv("another-secret-of-at-least-32-characters"));
        rotated.session(cookie);
        assertThat(rotated.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
        assertThat(rotated.get("/admin/api/v1/integrations").status()).isEqualTo(401);
    }

    @Test
    void an_expired_session_is_rejected_and_its_row_deleted() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        assertThat(fixture.sessionRows()).isEqualTo(1);

        fixture.clock.advance(Duration.ofHours(24));

        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
        assertThat(fixture.sessionRows()).isZero();
    }

    @Test
    void an_expired_session_row_is_purged_by_the_gate_too() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        fixture.execute("UPDATE idun_session SET expires_at = 0");

        assertThat(http.get("/admin/api/v1/integrations").body()).isEqualTo(GATE_BODY);
        assertThat(fixture.sessionRows()).isZero();
    }

    @Test
    void passwords_cookies_and_session_ids_never_reach_the_logs() {
        AuthHttp http = fixture.startPassword();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new TeeOutputStream(original, captured), true, StandardCharsets.UTF_8));
        String cookie;
        try {
            assertThat(http.login("Wr0ng-Pa55word!").status()).isEqualTo(401);
            assertThat(http.login(AuthFixture.PASSWORD).status()).isEqualTo(200);
            cookie = http.session();
            assertThat(http.post(
                                    AUTH + "/change-password",
                                    AuthEndpointsSuite.changeBody("Wr0ng-Curr3nt!", "N3w-Pa55word!"))
                            .status())
                    .isEqualTo(401);
            assertThat(http.post(
                                    AUTH + "/change-password",
                                    AuthEndpointsSuite.changeBody(AuthFixture.PASSWORD, "N3w-Pa55word!"))
                            .status())
                    .isEqualTo(200);
            assertThat(http.post(AUTH + "/logout", null).status()).isEqualTo(200);
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        String sessionId = cookie.substring(0, cookie.indexOf('.'));

        assertThat(logs)
                .contains("Failed admin login")
                .contains("Admin session " + sessionId.substring(0, 8) + "...")
                .contains("Admin password changed");
        assertThat(logs)
                .doesNotContain("Wr0ng-Pa55word!")
                .doesNotContain(AuthFixture.PASSWORD)
                .doesNotContain("Wr0ng-Curr3nt!")
                .doesNotContain("N3w-Pa55word!")
                .doesNotContain(sessionId)
                .doesNotContain(cookie.substring(cookie.indexOf('.') + 1));
    }

    /** Writes to two streams, so captured log lines still show in the test output. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
