package dev.idun.channels.googlechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.idun.channels.fakes.FakeProviderServer;
import dev.idun.channels.fakes.FakeProviderServer.Response;
import dev.idun.channels.fakes.MutableClock;
import dev.idun.channels.oauth.TokenRequestException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleAccessTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private FakeProviderServer oauth;
    private KeyPair pair;

    @BeforeEach
    void start() throws Exception {
        pair = ServiceAccounts.newKeyPair();
        oauth = new FakeProviderServer()
                .stub("POST", "/token", Response.json(200, "{\"access_token\":\"ya29.one\",\"expires_in\":3600}"));
    }

    @AfterEach
    void stop() {
        oauth.close();
    }

    @Test
    void exchanges_a_signed_assertion_at_the_key_files_token_uri() throws Exception {
        GoogleAccessTokens tokens = tokens(oauth.baseUrl() + "/token", null);

        assertThat(tokens.token()).isEqualTo("ya29.one");

        FakeProviderServer.Request request = oauth.requests().get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> form = form(request.body());
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic())))
                .isTrue();
        assertThat(assertion.getHeader().getKeyID()).isEqualTo("kid-1");
        var claims = assertion.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("bot@demo.iam.gserviceaccount.com");
        assertThat(claims.getAudience()).containsExactly(oauth.baseUrl() + "/token");
        assertThat(claims.getStringClaim("scope")).isEqualTo("https://www.googleapis.com/auth/chat.bot");
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void the_token_url_override_wins_over_the_key_files_token_uri() throws Exception {
        GoogleAccessTokens tokens = tokens("https://oauth2.googleapis.com/token", oauth.baseUrl() + "/token");

        assertThat(tokens.token()).isEqualTo("ya29.one");
        assertThat(oauth.requests()).hasSize(1);
    }

    @Test
    void caches_the_token_until_a_minute_before_expiry() throws Exception {
        GoogleAccessTokens tokens = tokens(oauth.baseUrl() + "/token", null);
        tokens.token();
        tokens.token();
        clock.advance(Duration.ofMinutes(58));
        tokens.token();
        assertThat(oauth.requests()).hasSize(1);

        oauth.stub("POST", "/token", Response.json(200, "{\"access_token\":\"ya29.two\",\"expires_in\":3600}"));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(tokens.token()).isEqualTo("ya29.two");
        assertThat(oauth.requests()).hasSize(2);
        tokens.invalidate();
        tokens.token();
        assertThat(oauth.requests()).hasSize(3);
    }

    @Test
    void reports_a_refused_grant_without_secrets() {
        oauth.stub(
                "POST",
                "/token",
                Response.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));
        GoogleAccessTokens tokens = tokens(oauth.baseUrl() + "/token", null);

        assertThatThrownBy(tokens::token)
                .isInstanceOfSatisfying(
                        TokenRequestException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("PRIVATE KEY");
    }

    @Test
    void a_key_file_without_private_key_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> GoogleServiceAccount.parse("{\"client_email\":\"a@b\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client_email and private_key");
        assertThatThrownBy(
                        () -> GoogleServiceAccount.parse(
                                "{\"client_email\":\"a@b\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8");
        assertThat(GoogleServiceAccount.parse(ServiceAccounts.keyFile(pair, null))
                        .tokenUri())
                .isEqualTo("https://oauth2.googleapis.com/token");
    }

    private GoogleAccessTokens tokens(String tokenUri, String override) {
        return new GoogleAccessTokens(
                GoogleServiceAccount.parse(ServiceAccounts.keyFile(pair, tokenUri)),
                override,
                HttpClient.newHttpClient(),
                clock);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }
}
