package dev.idun.channels.googlechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.idun.channels.fakes.FakeProviderServer;
import dev.idun.channels.fakes.FakeProviderServer.Response;
import dev.idun.channels.fakes.MutableClock;
import dev.idun.channels.fakes.RsaKeyIssuer;
import dev.idun.channels.jwt.RemoteKeySet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleChatTokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String PROJECT = "123456789012";
    private static final String ENDPOINT = "https://bot.example.com/integrations/google-chat/webhook";

    private final MutableClock clock = new MutableClock(NOW);
    private FakeProviderServer google;
    private RsaKeyIssuer chat;
    private RsaKeyIssuer accounts;
    private GoogleChatTokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        chat = new RsaKeyIssuer("chat-key", List.of());
        accounts = new RsaKeyIssuer("google-key", List.of());
        google = new FakeProviderServer()
                .stub("GET", "/chat-jwks", Response.json(200, chat.jwks()))
                .stub("GET", "/oauth-jwks", Response.json(200, accounts.jwks()));
        HttpClient http = HttpClient.newHttpClient();
        verifier = new GoogleChatTokenVerifier(
                RemoteKeySet.fromJwksUrl(URI.create(google.baseUrl() + "/chat-jwks"), http, clock),
                RemoteKeySet.fromJwksUrl(URI.create(google.baseUrl() + "/oauth-jwks"), http, clock),
                clock);
    }

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void accepts_a_chat_token_for_the_project_number() throws Exception {
        assertThat(verifier.verify("Bearer " + chat.sign(chatClaims(PROJECT).build()), PROJECT, ENDPOINT))
                .isTrue();
    }

    @Test
    void accepts_an_add_on_id_token_for_the_endpoint_url() throws Exception {
        String token = accounts.sign(addOnClaims(ENDPOINT).build());
        assertThat(verifier.verify("Bearer " + token, PROJECT, ENDPOINT)).isTrue();
    }

    @Test
    void rejects_a_token_signed_by_a_key_google_did_not_publish() throws Exception {
        String forged = RsaKeyIssuer.sign(chatClaims(PROJECT).build(), RsaKeyIssuer.newKey("chat-key"));
        assertThat(verifier.verify("Bearer " + forged, PROJECT, ENDPOINT)).isFalse();
    }

    @Test
    void rejects_an_expired_token() throws Exception {
        String token = chat.sign(chatClaims(PROJECT).build());
        clock.advance(java.time.Duration.ofHours(2));
        assertThat(verifier.verify("Bearer " + token, PROJECT, ENDPOINT)).isFalse();
    }

    @Test
    void rejects_a_token_for_another_project() throws Exception {
        assertThat(verifier.verify("Bearer " + chat.sign(chatClaims("999").build()), PROJECT, ENDPOINT))
                .isFalse();
    }

    @Test
    void rejects_a_token_from_another_issuer() throws Exception {
        String token = chat.sign(chatClaims(PROJECT)
                .issuer("someone@else.iam.gserviceaccount.com")
                .build());
        assertThat(verifier.verify("Bearer " + token, PROJECT, ENDPOINT)).isFalse();
    }

    @Test
    void rejects_an_add_on_token_for_another_url_or_another_account() throws Exception {
        String otherUrl =
                accounts.sign(addOnClaims("https://evil.example.com/hook").build());
        String otherEmail = accounts.sign(
                addOnClaims(ENDPOINT).claim("email", "user@example.com").build());
        assertThat(verifier.verify("Bearer " + otherUrl, PROJECT, ENDPOINT)).isFalse();
        assertThat(verifier.verify("Bearer " + otherEmail, PROJECT, ENDPOINT)).isFalse();
    }

    @Test
    void rejects_an_add_on_shaped_token_signed_with_the_chat_key_set_only() throws Exception {
        String token = chat.sign(addOnClaims(ENDPOINT).build());
        assertThat(verifier.verify("Bearer " + token, PROJECT, ENDPOINT)).isFalse();
    }

    @Test
    void rejects_missing_and_malformed_authorization() {
        assertThat(verifier.verify(null, PROJECT, ENDPOINT)).isFalse();
        assertThat(verifier.verify("Bearer", PROJECT, ENDPOINT)).isFalse();
        assertThat(verifier.verify("Bearer not.a.jwt", PROJECT, ENDPOINT)).isFalse();
        assertThat(verifier.verify("Basic abc", PROJECT, ENDPOINT)).isFalse();
    }

    @Test
    void fetches_the_keys_once_for_many_tokens() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify("Bearer " + chat.sign(chatClaims(PROJECT).build()), PROJECT, ENDPOINT))
                    .isTrue();
        }
        assertThat(google.requests("GET", "/chat-jwks")).hasSize(1);
    }

    private JWTClaimsSet.Builder chatClaims(String audience) {
        return new JWTClaimsSet.Builder()
                .issuer(GoogleChatTokenVerifier.CHAT_ISSUER)
                .audience(audience)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    private JWTClaimsSet.Builder addOnClaims(String audience) {
        return new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(audience)
                .claim("email", GoogleChatTokenVerifier.CHAT_ISSUER)
                .claim("email_verified", true)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }
}
