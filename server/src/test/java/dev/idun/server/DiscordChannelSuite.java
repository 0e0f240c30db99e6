package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Discord integration answering signed interactions over HTTP, with Discord's API faked on loopback. */
abstract class DiscordChannelSuite {
    static final String WEBHOOK = "/integrations/discord/webhook";
    static final String APP_ID = "app-1001";
    static final String GUILD = "guild-7";
    static final String ORIGINAL = "/api/v10/webhooks/" + APP_ID + "/itoken-1/messages/@original";

    @TempDir
    Path dir;

    ChannelFixture fixture;
    FakeProviderApi discord;
    KeyPair keys;
    String integrationId;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        discord = FakeProviderApi.start(call -> call.path().endsWith("/applications/@me")
                ? FakeProviderApi.Reply.json(200, "{\"id\":\"" + APP_ID + "\",\"name\":\"Idun bot\"}")
                : FakeProviderApi.Reply.json(200, "{\"id\":\"msg-" + System.nanoTime() + "\"}"));
        fixture = new ChannelFixture(newDatabaseUrl(dir), dir, "IDUN_DISCORD_API_BASE_URL", discord, "/api/v10");
        integrationId = fixture.createIntegration("Discord bot", integration(publicHex(keys), GUILD));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static String integration(String publicKey, String guild) {
        return """
                {"provider": "DISCORD", "config": {"botToken": "bot-token-1", "applicationId": "%s",
                 "publicKey": "%s", "guildId": "%s"}}""".formatted(APP_ID, publicKey, guild);
    }

    static String command(String id, String token, String guild, String text) {
        return """
                {"id": "%s", "type": 2, "token": "%s", "application_id": "%s", "guild_id": "%s",
                 "data": {"name": "ask", "options": [{"name": "q", "type": 3, "value": %s}]},
                 "member": {"user": {"id": "user-42", "username": "ann"}}}""".formatted(
                        id,
                        token,
                        APP_ID,
                        guild,
                        Json.write(Json.object().put("v", text).get("v")));
    }

    Http.Response deliver(String body, KeyPair signer, long timestamp) {
        String ts = Long.toString(timestamp);
        return fixture.http.post(
                WEBHOOK, body, Map.of("X-Signature-Ed25519", sign(signer, ts, body), "X-Signature-Timestamp", ts));
    }

    Http.Response deliver(String body) {
        return deliver(body, keys, Instant.now().getEpochSecond());
    }

    List<FakeProviderApi.Call> replies() {
        return discord.calls().stream()
                .filter(c -> c.path().startsWith("/api/v10/webhooks/"))
                .toList();
    }

    @Test
    void answers_a_ping_with_pong() {
        Http.Response response = deliver("{\"id\":\"p1\",\"type\":1,\"application_id\":\"" + APP_ID + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("type").asInt()).isEqualTo(1);
    }

    @Test
    void a_genuine_command_is_deferred_then_answered_once_by_editing_the_original_response() {
        Http.Response response = deliver(command("i-1", "itoken-1", GUILD, "hello"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("type").asInt()).isEqualTo(5);
        ChannelFixture.await("the reply", () -> replies().size() >= 1);
        FakeProviderApi.Call reply = replies().get(0);
        assertThat(reply.method()).isEqualTo("PATCH");
        assertThat(reply.path()).isEqualTo(ORIGINAL);
        assertThat(reply.header("Authorization")).isEqualTo("Bot bot-token-1");
        assertThat(reply.json().get("content").asText()).isEqualTo("Echo: hello");
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(fixture.threads()).contains("discord:user-42");
    }

    @Test
    void forged_stale_or_foreign_requests_get_401_and_nothing_runs() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String body = command("i-2", "itoken-1", GUILD, "hello");

        assertThat(deliver(body, other, Instant.now().getEpochSecond()).status())
                .isEqualTo(401);
        assertThat(deliver(body, keys, Instant.now().minusSeconds(400).getEpochSecond())
                        .status())
                .isEqualTo(401);
        assertThat(fixture.http.post(WEBHOOK, body, Map.of()).status()).isEqualTo(401);
        assertThat(deliver(body.replace(APP_ID, "app-other")).status()).isEqualTo(401);
        ChannelFixture.settle();
        assertThat(replies()).isEmpty();
        assertThat(fixture.threads()).isEmpty();
    }

    @Test
    void a_command_from_another_guild_gets_an_ephemeral_not_available_here_and_no_run() {
        Http.Response response = deliver(command("i-3", "itoken-1", "guild-other", "hello"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("type").asInt()).isEqualTo(4);
        assertThat(response.json().at("/data/flags").asInt()).isEqualTo(64);
        assertThat(response.json().at("/data/content").asText()).isEqualTo("This command is not available here.");
        ChannelFixture.settle();
        assertThat(replies()).isEmpty();
    }

    @Test
    void the_same_interaction_delivered_three_times_is_answered_once() {
        String body = command("i-4", "itoken-1", GUILD, "once");
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(body).status()).isEqualTo(200);
        }
        ChannelFixture.await("the reply", () -> replies().size() >= 1);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(fixture.deliveries(integrationId, "inbound", "duplicate")).hasSize(2);
    }

    @Test
    void a_long_reply_edits_the_original_then_follows_up_in_order_within_2000_characters() {
        deliver(command("i-5", "itoken-1", GUILD, "long 5000"));

        ChannelFixture.await("three parts", () -> replies().size() >= 3);
        List<FakeProviderApi.Call> parts = replies();
        assertThat(parts.get(0).method()).isEqualTo("PATCH");
        assertThat(parts.subList(1, parts.size())).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/api/v10/webhooks/" + APP_ID + "/itoken-1");
        });
        StringBuilder joined = new StringBuilder();
        for (FakeProviderApi.Call part : parts) {
            String content = part.json().get("content").asText();
            assertThat(content.length()).isLessThanOrEqualTo(2000);
            joined.append(content).append(' ');
        }
        assertThat(joined.toString().replaceAll("\\s+", " ").strip())
                .isEqualTo(ChannelTestAgent.longText(5000).replaceAll("\\s+", " "));
    }

    @Test
    void the_credential_test_reads_the_application_with_the_bot_token() {
        Http.Response ok = fixture.http.post("/admin/api/v1/integrations/" + integrationId + "/test", "");

        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).as(ok.body()).isTrue();
        assertThat(ok.json().get("details").asText()).contains("Idun bot");
        FakeProviderApi.Call call = discord.callsTo("/applications/@me").get(0);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.header("Authorization")).isEqualTo("Bot bot-token-1");
    }

    static String publicHex(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    static String sign(KeyPair pair, String timestamp, String body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
