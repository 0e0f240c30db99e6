package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Teams integration answering Bot Framework activities over HTTP, with Microsoft's endpoints faked on loopback. */
abstract class TeamsChannelSuite {
    static final String WEBHOOK = "/integrations/teams/messages";
    static final String APP_ID = "app-teams-1";
    static final String CONVERSATION = "19:abc@thread.skype;messageid=1";
    static final String CONVERSATION_PATH =
            "/teams/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D1/activities";

    @TempDir
    Path dir;

    ChannelFixture fixture;
    FakeProviderApi microsoft;
    ChatPlatformKeys keys;
    String integrationId;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        keys = new ChatPlatformKeys("bf-key", List.of("msteams"));
        microsoft = FakeProviderApi.start(call -> switch (call.path()) {
            case "/openid" ->
                FakeProviderApi.Reply.json(
                        200,
                        "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + microsoftBase() + "/keys\"}");
            case "/keys" -> FakeProviderApi.Reply.json(200, keys.jwks());
            case "/tenant-1/token" ->
                FakeProviderApi.Reply.json(
                        200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"bot-token\"}");
            default -> FakeProviderApi.Reply.json(200, "{\"id\":\"out-" + System.nanoTime() + "\"}");
        });
        fixture = new ChannelFixture(
                newDatabaseUrl(dir),
                dir,
                Map.of(
                        "IDUN_TEAMS_OPENID_METADATA_URL", microsoft.baseUrl() + "/openid",
                        "IDUN_TEAMS_TOKEN_URL", microsoft.baseUrl() + "/{tenant}/token"),
                microsoft);
        integrationId = fixture.createIntegration("Teams bot", """
                {"provider": "TEAMS", "config": {"appId": "%s", "appPassword": "bot-secret",
                 "appTenantId": "tenant-1"}}""".formatted(APP_ID));
    }

    private String microsoftBase() {
        return microsoft.baseUrl();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    String serviceUrl() {
        return microsoft.baseUrl() + "/teams/";
    }

    String activity(String id, String text) {
        return """
                {"type": "message", "id": "%s", "channelId": "msteams", "serviceUrl": "%s",
                 "text": "<at>Idun</at> %s", "from": {"id": "29:user", "name": "Ann"},
                 "recipient": {"id": "28:%s", "name": "Idun"},
                 "conversation": {"id": "%s", "conversationType": "channel"}}""".formatted(id, serviceUrl(), text, APP_ID, CONVERSATION);
    }

    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("https://api.botframework.com")
                .audience(APP_ID)
                .claim("serviceurl", serviceUrl())
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    Http.Response deliver(String body, String token) {
        return fixture.http.post(WEBHOOK, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    List<FakeProviderApi.Call> replies() {
        return microsoft.calls().stream()
                .filter(c -> c.path().startsWith(CONVERSATION_PATH + "/"))
                .toList();
    }

    List<FakeProviderApi.Call> typing() {
        return microsoft.calls().stream()
                .filter(c -> c.path().equals(CONVERSATION_PATH))
                .toList();
    }

    @Test
    void a_genuine_message_gets_typing_then_one_reply_to_the_activity_with_the_bot_token() {
        Http.Response response = deliver(activity("act-1", "hello"), keys.sign(claims().build()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        ChannelFixture.await("the reply", () -> replies().size() >= 1);
        FakeProviderApi.Call reply = replies().get(0);
        assertThat(reply.path()).isEqualTo(CONVERSATION_PATH + "/act-1");
        assertThat(reply.header("Authorization")).isEqualTo("Bearer bot-token");
        assertThat(reply.json().get("type").asText()).isEqualTo("message");
        assertThat(reply.json().get("text").asText()).isEqualTo("Echo: hello");
        assertThat(reply.json().get("replyToId").asText()).isEqualTo("act-1");
        assertThat(reply.json().at("/recipient/id").asText()).isEqualTo("29:user");
        assertThat(typing()).hasSize(1);
        assertThat(typing().get(0).json().get("type").asText()).isEqualTo("typing");
        assertThat(typing().get(0).atNanos()).isLessThan(reply.atNanos());
        FakeProviderApi.Call grant = microsoft.callsTo("/tenant-1/token").get(0);
        assertThat(grant.body()).contains("grant_type=client_credentials", "client_id=" + APP_ID);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(microsoft.callsTo("/tenant-1/token")).hasSize(1);
        assertThat(fixture.threads()).anyMatch(id -> id.matches("teams:[0-9a-f]{32}"));
    }

    @Test
    void forged_expired_foreign_or_misdirected_tokens_get_401_and_nothing_runs() {
        String body = activity("act-2", "hello");
        Instant past = Instant.now().minusSeconds(7200);

        assertThat(deliver(body, ChatPlatformKeys.sign(claims().build(), ChatPlatformKeys.newKey("bf-key")))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(
                                body,
                                keys.sign(claims().notBeforeTime(Date.from(past))
                                        .expirationTime(Date.from(past.plusSeconds(3600)))
                                        .build()))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(body, keys.sign(claims().audience("another-bot").build()))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(
                                body,
                                keys.sign(claims().issuer("https://sts.windows.net/evil/")
                                        .build()))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(
                                body,
                                keys.sign(claims().claim("serviceurl", "https://attacker.example/")
                                        .build()))
                        .status())
                .isEqualTo(401);
        assertThat(deliver(body, null).status()).isEqualTo(401);
        ChannelFixture.settle();
        assertThat(replies()).isEmpty();
        assertThat(typing()).isEmpty();
        assertThat(fixture.threads()).isEmpty();
    }

    @Test
    void the_same_activity_delivered_three_times_is_answered_once() {
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(activity("act-3", "once"), keys.sign(claims().build()))
                            .status())
                    .isEqualTo(201);
        }
        ChannelFixture.await("the reply", () -> replies().size() >= 1);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(fixture.deliveries(integrationId, "inbound", "duplicate")).hasSize(2);
    }

    @Test
    void a_long_reply_arrives_in_ordered_parts() {
        deliver(activity("act-4", "long 16000"), keys.sign(claims().build()));

        ChannelFixture.await(
                "the parts",
                () -> fixture.deliveries(integrationId, "outbound", "sent").size() >= 3);
        List<String> parts =
                replies().stream().map(c -> c.json().get("text").asText()).toList();
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(7000));
        assertThat(String.join(" ", parts).split("\\s+"))
                .containsExactly(ChannelTestAgent.longText(16000).split("\\s+"));
    }

    @Test
    void the_credential_test_obtains_a_bot_token() {
        Http.Response ok = fixture.http.post("/admin/api/v1/integrations/" + integrationId + "/test", "");

        assertThat(ok.json().get("ok").asBoolean()).as(ok.body()).isTrue();
        assertThat(microsoft.callsTo("/tenant-1/token")).hasSize(1);
    }
}
