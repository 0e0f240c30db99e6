package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.channels.http.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Slack integration answering real Events API payloads over HTTP, with the Web API faked on loopback. */
abstract class SlackChannelSuite {
    static final String WEBHOOK = "/integrations/slack/webhook";
    static final String SECRET = "slack-signing-secret";
    static final String USER = "U0USER1";

    @TempDir
    Path dir;

    ChannelFixture fixture;
    FakeProviderApi slack;
    String integrationId;
    final AtomicInteger posted = new AtomicInteger();

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        slack = FakeProviderApi.start(call -> call.path().endsWith("/auth.test")
                ? FakeProviderApi.Reply.json(
                        200, "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"idunbot\"}")
                : FakeProviderApi.Reply.json(200, "{\"ok\":true,\"ts\":\"1733.000" + posted.incrementAndGet() + "\"}"));
        fixture = new ChannelFixture(newDatabaseUrl(dir), dir, "IDUN_SLACK_API_BASE_URL", slack, "/api");
        integrationId = fixture.createIntegration("Team bot", integration("xoxb-token-1"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static String integration(String botToken) {
        return """
                {"provider": "SLACK", "config": {"botToken": "%s", "signingSecret": "%s"}}""".formatted(botToken, SECRET);
    }

    static String event(String eventId, String eventJson) {
        return """
                {"token": "legacy", "team_id": "T01", "api_app_id": "A01", "type": "event_callback",
                 "event_id": "%s", "event_time": 1733300000, "event": %s}""".formatted(eventId, eventJson);
    }

    static String message(String eventId, String ts, String text) {
        return event(eventId, """
                {"type": "message", "channel": "C0CHAN", "user": "%s", "text": %s, "ts": "%s",
                 "channel_type": "channel"}""".formatted(USER, WhatsAppChannelSuite.quote(text), ts));
    }

    Http.Response deliver(String body) {
        return deliver(body, Instant.now().getEpochSecond(), SECRET, Map.of());
    }

    Http.Response deliver(String body, long timestamp, String secret, Map<String, String> extraHeaders) {
        String signature =
                "v0=" + HmacSha256.hex(secret, ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("X-Slack-Request-Timestamp", Long.toString(timestamp));
        headers.put("X-Slack-Signature", signature);
        return fixture.http.post(WEBHOOK, body, headers);
    }

    List<FakeProviderApi.Call> replies() {
        return slack.callsTo("/chat.postMessage");
    }

    List<FakeProviderApi.Call> awaitReplies(int count) {
        ChannelFixture.await(count + " replies", () -> replies().size() >= count);
        return replies();
    }

    @Test
    void answers_a_signed_url_verification_with_its_challenge_and_refuses_an_unsigned_one() {
        String body = "{\"token\": \"x\", \"challenge\": \"chal-123\", \"type\": \"url_verification\"}";

        Http.Response signed = deliver(body);
        Http.Response unsigned = fixture.http.post(WEBHOOK, body);

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body()).isEqualTo("chal-123");
        assertThat(unsigned.status()).isEqualTo(401);
    }

    @Test
    void a_user_message_gets_exactly_one_reply_in_the_channel_with_the_bot_token() {
        Http.Response response = deliver(message("Ev01", "1733300000.000100", "hello"));

        assertThat(response.status()).isEqualTo(200);
        FakeProviderApi.Call reply = awaitReplies(1).get(0);
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.path()).isEqualTo("/api/chat.postMessage");
        assertThat(reply.header("Authorization")).isEqualTo("Bearer xoxb-token-1");
        assertThat(reply.json().get("channel").asText()).isEqualTo("C0CHAN");
        assertThat(reply.json().get("text").asText()).isEqualTo("Echo: hello");
        assertThat(reply.json().has("thread_ts")).isFalse();
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(fixture.threads()).contains("slack:" + USER);
        assertThat(fixture.deliveries(integrationId, "outbound", "sent")
                        .get(0)
                        .get("providerMessageId")
                        .asText())
                .startsWith("1733.");
    }

    @Test
    void a_message_in_a_thread_is_answered_in_that_thread_and_a_mention_loses_the_bot_mention() {
        deliver(event("Ev02", """
                {"type": "app_mention", "channel": "C0CHAN", "user": "%s", "text": "<@U0BOT> what time is it?",
                 "ts": "1733300001.000200", "thread_ts": "1733299999.000100"}""".formatted(USER)));

        FakeProviderApi.Call reply = awaitReplies(1).get(0);
        assertThat(reply.json().get("thread_ts").asText()).isEqualTo("1733299999.000100");
        assertThat(reply.json().get("text").asText()).isEqualTo("Echo: what time is it?");
    }

    @Test
    void bot_messages_edits_and_other_events_are_not_answered() {
        deliver(event("Ev03", """
                {"type": "message", "channel": "C0CHAN", "bot_id": "B01", "text": "I am a bot", "ts": "1.1"}"""));
        deliver(event("Ev04", """
                {"type": "message", "subtype": "message_changed", "channel": "C0CHAN", "ts": "1.2"}"""));
        deliver(event("Ev05", """
                {"type": "reaction_added", "user": "%s", "reaction": "thumbsup"}""".formatted(USER)));

        ChannelFixture.settle();
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    void forged_and_stale_requests_are_rejected_with_no_run_and_no_outbound_call() {
        String body = message("Ev06", "1733300002.000300", "forged");
        long now = Instant.now().getEpochSecond();

        Http.Response forged = deliver(body, now, "another-secret", Map.of());
        Http.Response stale = deliver(body, now - 301, SECRET, Map.of());
        Http.Response future = deliver(body, now + 400, SECRET, Map.of());

        assertThat(List.of(forged.status(), stale.status(), future.status())).containsOnly(401);
        assertThat(stale.json().get("detail").asText()).contains("Stale");
        ChannelFixture.settle();
        assertThat(slack.calls()).isEmpty();
        assertThat(fixture.threads()).doesNotContain("slack:" + USER);
    }

    @Test
    void retries_and_replays_are_answered_once_even_after_a_restart_and_an_unseen_retry_is_processed() {
        String body = message("Ev07", "1733300003.000400", "once");

        deliver(body);
        deliver(body, Instant.now().getEpochSecond(), SECRET, Map.of("X-Slack-Retry-Num", "1"));
        deliver(body, Instant.now().getEpochSecond(), SECRET, Map.of("X-Slack-Retry-Num", "2"));
        awaitReplies(1);
        fixture.restart();
        assertThat(deliver(body).status()).isEqualTo(200);
        Http.Response firstSeenAsRetry = deliver(
                message("Ev08", "1733300004.000500", "lost first attempt"),
                Instant.now().getEpochSecond(),
                SECRET,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(firstSeenAsRetry.status()).isEqualTo(200);
        awaitReplies(2);
        ChannelFixture.settle();
        assertThat(replies())
                .extracting(call -> call.json().get("text").asText())
                .containsExactly("Echo: once", "Echo: lost first attempt");
        assertThat(fixture.deliveries(integrationId, "inbound", "duplicate")).hasSize(3);
    }

    @Test
    void a_slow_agent_does_not_hold_the_webhook() {
        long started = System.nanoTime();
        Http.Response response = deliver(message("Ev09", "1733300005.000600", "slow 5000 later"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(awaitReplies(1).get(0).json().get("text").asText()).isEqualTo("Echo: later");
    }

    @Test
    void a_429_waits_the_retry_after_and_delivers_once() {
        slack.enqueue(
                new FakeProviderApi.Reply(429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}"));

        deliver(message("Ev10", "1733300006.000700", "rate"));

        List<FakeProviderApi.Call> calls = awaitReplies(2);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(2);
        assertThat(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(fixture.deliveries(integrationId, "outbound", "sent")
                        .get(0)
                        .get("attempts")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void five_server_errors_are_recorded_as_failed_and_a_refused_call_is_not_retried() {
        for (int i = 0; i < 5; i++) {
            slack.enqueue(FakeProviderApi.Reply.json(503, "upstream unavailable"));
        }
        deliver(message("Ev11", "1733300007.000800", "down"));
        ChannelFixture.await(
                "a failure",
                () -> !fixture.deliveries(integrationId, "outbound", "failed").isEmpty());
        assertThat(fixture.deliveries(integrationId, "outbound", "failed")
                        .get(0)
                        .get("attempts")
                        .asInt())
                .isEqualTo(5);

        slack.enqueue(FakeProviderApi.Reply.json(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));
        deliver(message("Ev12", "1733300008.000900", "nowhere"));
        ChannelFixture.await(
                "a second failure",
                () -> fixture.deliveries(integrationId, "outbound", "failed").size() == 2);
        JsonNode refused =
                fixture.deliveries(integrationId, "outbound", "failed").get(0);
        assertThat(refused.get("attempts").asInt()).isEqualTo(1);
        assertThat(refused.get("error").asText()).contains("channel_not_found");
    }

    @Test
    void a_long_reply_arrives_in_ordered_parts_of_at_most_4000_characters() {
        deliver(message("Ev13", "1733300009.001000", "long 10000"));

        ChannelFixture.await(
                "the parts",
                () -> fixture.deliveries(integrationId, "outbound", "sent").size() >= 3);
        ChannelFixture.settle();
        List<String> parts =
                replies().stream().map(call -> call.json().get("text").asText()).toList();
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4000));
        assertThat(WhatsAppChannelSuite.words(String.join(" ", parts)))
                .isEqualTo(WhatsAppChannelSuite.words(ChannelTestAgent.longText(10000)));
    }

    @Test
    void a_token_change_during_a_reply_lets_it_complete_and_the_next_reply_uses_the_new_token() {
        deliver(message("Ev14", "1733300010.001100", "slow 1500 first"));
        fixture.patchIntegration(integrationId, integration("xoxb-token-2"));
        FakeProviderApi.Call first = awaitReplies(1).get(0);
        deliver(message("Ev15", "1733300011.001200", "second"));
        FakeProviderApi.Call second = awaitReplies(2).get(1);

        assertThat(first.json().get("text").asText()).isEqualTo("Echo: first");
        assertThat(second.header("Authorization")).isEqualTo("Bearer xoxb-token-2");
    }

    @Test
    void a_guardrail_block_reaches_the_user_as_the_guardrail_message() {
        deliver(message("Ev16", "1733300012.001300", "block"));

        assertThat(awaitReplies(1).get(0).json().get("text").asText()).isEqualTo(ChannelTestAgent.BLOCK_MESSAGE);
    }

    @Test
    void the_credential_test_calls_auth_test() {
        Http.Response response = fixture.http.post("/admin/api/v1/integrations/" + integrationId + "/test", "");

        assertThat(response.json().get("ok").asBoolean()).as(response.body()).isTrue();
        assertThat(response.json().get("details").asText()).contains("Acme", "idunbot");
        assertThat(slack.calls().get(0).path()).isEqualTo("/api/auth.test");
        assertThat(slack.calls().get(0).header("Authorization")).isEqualTo("Bearer xoxb-token-1");
    }
}
