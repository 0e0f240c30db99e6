package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.idun.config.Json;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Google Chat integration answering Google-signed events over HTTP, with Google's endpoints faked on loopback. */
abstract class GoogleChatChannelSuite {
    static final String WEBHOOK = "/integrations/google-chat/webhook";
    static final String PROJECT = "123456789012";
    static final String CHAT_ISSUER = "chat@system.gserviceaccount.com";

    @TempDir
    Path dir;

    ChannelFixture fixture;
    FakeProviderApi google;
    ChatPlatformKeys chatKeys;
    ChatPlatformKeys idTokenKeys;
    String integrationId;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() throws Exception {
        chatKeys = new ChatPlatformKeys("chat-key", List.of());
        idTokenKeys = new ChatPlatformKeys("google-key", List.of());
        google = FakeProviderApi.start(call -> switch (call.path()) {
            case "/chat-jwks" -> FakeProviderApi.Reply.json(200, chatKeys.jwks());
            case "/id-jwks" -> FakeProviderApi.Reply.json(200, idTokenKeys.jwks());
            case "/token" -> FakeProviderApi.Reply.json(200, "{\"access_token\":\"ya29.chat\",\"expires_in\":3600}");
            default ->
                FakeProviderApi.Reply.json(200, "{\"name\":\"spaces/AAAA/messages/out-" + System.nanoTime() + "\"}");
        });
        String base = google.baseUrl();
        fixture = new ChannelFixture(
                newDatabaseUrl(dir),
                dir,
                Map.of(
                        "IDUN_GOOGLE_CHAT_API_BASE_URL", base + "/v1",
                        "IDUN_GOOGLE_OAUTH_TOKEN_URL", base + "/token",
                        "IDUN_GOOGLE_CHAT_JWKS_URL", base + "/chat-jwks",
                        "IDUN_GOOGLE_ID_TOKEN_JWKS_URL", base + "/id-jwks"),
                google);
        integrationId = fixture.createIntegration("Chat app", integration(serviceAccount()));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static String serviceAccount() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Json.write(Json.object()
                .put("type", "service_account")
                .put("client_email", "bot@demo.iam.gserviceaccount.com")
                .put("private_key_id", "sa-key-1")
                .put("private_key", pem)
                .put("token_uri", "https://oauth2.googleapis.com/token"));
    }

    static String integration(String serviceAccountJson) {
        return """
                {"provider": "GOOGLE_CHAT", "config": {"serviceAccountCredentialsJson": %s, "projectNumber": "%s"}}""".formatted(Json.write(TextNode.valueOf(serviceAccountJson)), PROJECT);
    }

    static String message(String name, String text) {
        return """
                {"type": "MESSAGE", "eventTime": "2026-03-01T12:00:00Z",
                 "message": {"name": "%s", "text": "@Idun %s", "argumentText": " %s",
                  "sender": {"name": "users/555", "type": "HUMAN"}, "space": {"name": "spaces/AAAA"},
                  "thread": {"name": "spaces/AAAA/threads/t-1"}},
                 "space": {"name": "spaces/AAAA", "type": "ROOM"}}""".formatted(name, text, text);
    }

    JWTClaimsSet.Builder chatClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(CHAT_ISSUER)
                .audience(PROJECT)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    Http.Response deliver(String body, String token) {
        return fixture.http.post(WEBHOOK, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    List<FakeProviderApi.Call> replies() {
        return google.callsTo("/messages");
    }

    @Test
    void a_genuine_message_gets_one_reply_in_its_thread_with_a_service_account_token() throws Exception {
        Http.Response response = deliver(
                message("spaces/AAAA/messages/m-1", "hello"),
                chatKeys.sign(chatClaims().build()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        ChannelFixture.await("the reply", () -> replies().size() >= 1);
        FakeProviderApi.Call reply = replies().get(0);
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.path()).isEqualTo("/v1/spaces/AAAA/messages");
        assertThat(reply.query()).isEqualTo("messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
        assertThat(reply.header("Authorization")).isEqualTo("Bearer ya29.chat");
        assertThat(reply.json().get("text").asText()).isEqualTo("Echo: hello");
        assertThat(reply.json().at("/thread/name").asText()).isEqualTo("spaces/AAAA/threads/t-1");
        FakeProviderApi.Call grant = google.callsTo("/token").get(0);
        assertThat(grant.body()).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(fixture.threads()).contains("google_chat:users/555");
    }

    @Test
    void an_add_on_event_with_a_google_id_token_for_this_url_is_answered() throws Exception {
        Instant now = Instant.now();
        String token = idTokenKeys.sign(new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience("http://127.0.0.1:" + fixture.server.server.port() + WEBHOOK)
                .claim("email", CHAT_ISSUER)
                .claim("email_verified", true)
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build());
        String body = """
                {"chat": {"user": {"name": "users/9"}, "messagePayload": {"space": {"name": "spaces/BBBB"},
                 "message": {"name": "spaces/BBBB/messages/a-1", "text": "hi add-on",
                  "sender": {"name": "users/9", "type": "HUMAN"}}}}}""";

        assertThat(deliver(body, token).status()).isEqualTo(200);
        ChannelFixture.await("the reply", () -> replies().size() >= 1);
        assertThat(replies().get(0).path()).isEqualTo("/v1/spaces/BBBB/messages");
        assertThat(replies().get(0).json().get("text").asText()).isEqualTo("Echo: hi add-on");
    }

    @Test
    void forged_expired_foreign_or_missing_tokens_get_401_and_nothing_runs() {
        String body = message("spaces/AAAA/messages/m-2", "hello");
        Instant past = Instant.now().minusSeconds(7200);

        assertThat(deliver(body, ChatPlatformKeys.sign(chatClaims().build(), ChatPlatformKeys.newKey("chat-key")))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(
                                body,
                                chatKeys.sign(chatClaims()
                                        .issueTime(Date.from(past))
                                        .expirationTime(Date.from(past.plusSeconds(3600)))
                                        .build()))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(body, chatKeys.sign(chatClaims().audience("999").build()))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(
                                body,
                                chatKeys.sign(chatClaims()
                                        .issuer("evil@x.iam.gserviceaccount.com")
                                        .build()))
                        .status())
                .isEqualTo(401);
        Http.Response missing = deliver(body, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("detail").asText()).isEqualTo("Invalid request token");
        ChannelFixture.settle();
        assertThat(replies()).isEmpty();
        assertThat(google.callsTo("/token")).isEmpty();
        assertThat(fixture.threads()).isEmpty();
    }

    @Test
    void the_same_message_delivered_three_times_is_answered_once_and_the_token_is_reused() {
        String body = message("spaces/AAAA/messages/m-3", "once");
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(body, chatKeys.sign(chatClaims().build())).status())
                    .isEqualTo(200);
        }
        deliver(
                message("spaces/AAAA/messages/m-4", "twice"),
                chatKeys.sign(chatClaims().build()));
        ChannelFixture.await("two replies", () -> replies().size() >= 2);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(2);
        assertThat(google.callsTo("/token")).hasSize(1);
        assertThat(fixture.deliveries(integrationId, "inbound", "duplicate")).hasSize(2);
    }

    @Test
    void a_long_reply_arrives_in_ordered_parts_within_4096_characters() {
        deliver(
                message("spaces/AAAA/messages/m-5", "long 10000"),
                chatKeys.sign(chatClaims().build()));

        ChannelFixture.await(
                "the parts",
                () -> fixture.deliveries(integrationId, "outbound", "sent").size() >= 3);
        List<String> parts =
                replies().stream().map(c -> c.json().get("text").asText()).toList();
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join(" ", parts).split("\\s+"))
                .containsExactly(ChannelTestAgent.longText(10000).split("\\s+"));
    }

    @Test
    void the_credential_test_obtains_a_service_account_token() {
        Http.Response ok = fixture.http.post("/admin/api/v1/integrations/" + integrationId + "/test", "");

        assertThat(ok.json().get("ok").asBoolean()).as(ok.body()).isTrue();
        assertThat(ok.json().get("details").asText()).contains("bot@demo.iam.gserviceaccount.com");
        assertThat(google.callsTo("/token")).hasSize(1);
    }
}
