package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Telegram integration answering real Bot API updates over HTTP, with the Bot API faked on loopback. */
abstract class TelegramChannelSuite {
    static final String WEBHOOK = "/integrations/telegram/webhook";
    static final String TOKEN = "123456:ABC-token-one";
    static final String SECRET = "tg-secret-1";
    static final long CHAT = 987654321L;

    @TempDir
    Path dir;

    ChannelFixture fixture;
    FakeProviderApi telegram;
    String integrationId;
    final AtomicInteger sent = new AtomicInteger();

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        telegram = FakeProviderApi.start(call -> call.path().endsWith("/getMe")
                ? FakeProviderApi.Reply.json(
                        200,
                        "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Idun\",\"username\":\"idun_bot\"}}")
                : FakeProviderApi.Reply.json(
                        200, "{\"ok\":true,\"result\":{\"message_id\":" + (100 + sent.incrementAndGet()) + "}}"));
        fixture = new ChannelFixture(newDatabaseUrl(dir), dir, "IDUN_TELEGRAM_API_BASE_URL", telegram, "");
        integrationId = fixture.createIntegration("Telegram bot", integration(TOKEN, SECRET));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static String integration(String token, String secret) {
        return """
                {"provider": "TELEGRAM", "config": {"botToken": "%s", "secretToken": "%s"}}""".formatted(token, secret);
    }

    static String update(long updateId, String text) {
        return """
                {"update_id": %d, "message": {"message_id": 5, "date": 1733300000,
                 "from": {"id": 42, "is_bot": false, "first_name": "Ada"},
                 "chat": {"id": %d, "type": "private", "first_name": "Ada"}, "text": %s}}""".formatted(updateId, CHAT, WhatsAppChannelSuite.quote(text));
    }

    Http.Response deliver(String body) {
        return deliver(body, SECRET);
    }

    Http.Response deliver(String body, String secret) {
        return fixture.http.post(
                WEBHOOK, body, secret == null ? Map.of() : Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
    }

    List<FakeProviderApi.Call> replies() {
        return telegram.callsTo("/sendMessage");
    }

    List<FakeProviderApi.Call> awaitReplies(int count) {
        ChannelFixture.await(count + " replies", () -> replies().size() >= count);
        return replies();
    }

    @Test
    void the_admin_api_keeps_a_telegram_integration_with_its_secrets_masked() {
        Http.Response read = fixture.http.get("/admin/api/v1/integrations/" + integrationId);

        assertThat(read.json().at("/integration/provider").asText()).isEqualTo("TELEGRAM");
        assertThat(read.body()).doesNotContain(TOKEN).doesNotContain(SECRET);
    }

    @Test
    void a_text_message_gets_exactly_one_send_message_to_its_chat() {
        Http.Response response = deliver(update(1001, "hello"));

        assertThat(response.status()).isEqualTo(200);
        FakeProviderApi.Call reply = awaitReplies(1).get(0);
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(reply.json().get("chat_id").asLong()).isEqualTo(CHAT);
        assertThat(reply.json().get("text").asText()).isEqualTo("Echo: hello");
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(fixture.threads()).contains("telegram:" + CHAT);
        assertThat(fixture.deliveries(integrationId, "outbound", "sent")
                        .get(0)
                        .get("providerMessageId")
                        .asText())
                .isEqualTo("101");
    }

    @Test
    void a_wrong_or_missing_secret_token_is_rejected_with_no_run_and_no_outbound_call() {
        Http.Response wrong = deliver(update(1002, "intruder"), "guess");
        Http.Response missing = deliver(update(1003, "intruder"), null);

        assertThat(List.of(wrong.status(), missing.status())).containsOnly(401);
        ChannelFixture.settle();
        assertThat(telegram.calls()).isEmpty();
        assertThat(fixture.threads()).doesNotContain("telegram:" + CHAT);
    }

    @Test
    void the_same_update_three_times_and_after_a_restart_is_answered_once() {
        for (int i = 0; i < 3; i++) {
            deliver(update(1004, "once"));
        }
        awaitReplies(1);
        fixture.restart();
        deliver(update(1004, "once"));
        ChannelFixture.settle();

        assertThat(replies()).hasSize(1);
        assertThat(fixture.deliveries(integrationId, "inbound", "duplicate")).hasSize(3);
    }

    @Test
    void a_slow_agent_does_not_hold_the_webhook() {
        long started = System.nanoTime();
        Http.Response response = deliver(update(1005, "slow 5000 eventually"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(awaitReplies(1).get(0).json().get("text").asText()).isEqualTo("Echo: eventually");
    }

    @Test
    void a_429_waits_the_retry_after_of_the_body_and_delivers_once() {
        telegram.enqueue(FakeProviderApi.Reply.json(
                429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                        + "\"parameters\":{\"retry_after\":1}}"));

        deliver(update(1006, "rate"));

        List<FakeProviderApi.Call> calls = awaitReplies(2);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(2);
        assertThat(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void five_server_errors_are_recorded_as_failed_without_leaking_the_token() {
        for (int i = 0; i < 5; i++) {
            telegram.enqueue(FakeProviderApi.Reply.json(502, "{\"ok\":false,\"description\":\"Bad Gateway\"}"));
        }

        deliver(update(1007, "down"));

        ChannelFixture.await(
                "a failure",
                () -> !fixture.deliveries(integrationId, "outbound", "failed").isEmpty());
        var failed = fixture.deliveries(integrationId, "outbound", "failed").get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("error").asText()).contains("502").doesNotContain(TOKEN);
    }

    @Test
    void a_long_reply_arrives_in_ordered_parts_of_at_most_4096_characters() {
        deliver(update(1008, "long 10000"));

        ChannelFixture.await(
                "the parts",
                () -> fixture.deliveries(integrationId, "outbound", "sent").size() >= 3);
        ChannelFixture.settle();
        List<String> parts =
                replies().stream().map(call -> call.json().get("text").asText()).toList();
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(WhatsAppChannelSuite.words(String.join(" ", parts)))
                .isEqualTo(WhatsAppChannelSuite.words(ChannelTestAgent.longText(10000)));
    }

    @Test
    void a_token_change_during_a_reply_lets_it_complete_and_the_next_reply_uses_the_new_token() {
        deliver(update(1009, "slow 1500 first"));
        fixture.patchIntegration(integrationId, integration("999:NEW-token", SECRET));
        FakeProviderApi.Call first = awaitReplies(1).get(0);
        deliver(update(1010, "second"));
        FakeProviderApi.Call second = awaitReplies(2).get(1);

        assertThat(first.json().get("text").asText()).isEqualTo("Echo: first");
        assertThat(second.path()).isEqualTo("/bot999:NEW-token/sendMessage");
    }

    @Test
    void a_guardrail_block_reaches_the_user_as_the_guardrail_message() {
        deliver(update(1011, "block"));

        assertThat(awaitReplies(1).get(0).json().get("text").asText()).isEqualTo(ChannelTestAgent.BLOCK_MESSAGE);
    }

    @Test
    void the_credential_test_calls_get_me() {
        Http.Response response = fixture.http.post("/admin/api/v1/integrations/" + integrationId + "/test", "");

        assertThat(response.json().get("ok").asBoolean()).as(response.body()).isTrue();
        assertThat(response.json().get("details").asText()).contains("@idun_bot");
        assertThat(telegram.calls().get(0).path()).isEqualTo("/bot" + TOKEN + "/getMe");
    }
}
