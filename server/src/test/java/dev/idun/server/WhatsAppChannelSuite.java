package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.channels.http.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WhatsApp integration answering real Cloud API payloads over HTTP, with the Graph API faked on loopback. */
abstract class WhatsAppChannelSuite {
    static final String WEBHOOK = "/integrations/whatsapp/webhook";
    static final String APP_SECRET = "meta-app-secret";
    static final String PHONE_ID = "1234567890";
    static final String USER = "15550001111";
    static final String MESSAGES_PATH = "/v21.0/" + PHONE_ID + "/messages";

    @TempDir
    Path dir;

    ChannelFixture fixture;
    FakeProviderApi graph;
    String integrationId;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        graph = FakeProviderApi.start(call -> call.method().equals("GET")
                ? FakeProviderApi.Reply.json(
                        200, "{\"display_phone_number\":\"+1 555 000\",\"verified_name\":\"Acme\",\"id\":\"1\"}")
                : FakeProviderApi.Reply.json(200, "{\"messages\":[{\"id\":\"wamid.OUT-" + UUID.randomUUID() + "\"}]}"));
        fixture = new ChannelFixture(newDatabaseUrl(dir), dir, "IDUN_WHATSAPP_API_BASE_URL", graph, "");
        integrationId = fixture.createIntegration("Support line", integration("token-1", APP_SECRET));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static String integration(String accessToken, String appSecret) {
        String secret = appSecret == null ? "" : ", \"appSecret\": \"" + appSecret + "\"";
        return """
                {"provider": "WHATSAPP", "config": {"accessToken": "%s", "phoneNumberId": "%s",
                 "verifyToken": "verify-1"%s}}""".formatted(accessToken, PHONE_ID, secret);
    }

    static String textPayload(String messageId, String text) {
        return message(messageId, "\"type\": \"text\", \"text\": {\"body\": " + quote(text) + "}");
    }

    static String message(String messageId, String typeAndContent) {
        return """
                {"object": "whatsapp_business_account", "entry": [{"id": "WABA-1", "changes": [{"field": "messages",
                 "value": {"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "15550009999", "phone_number_id": "%s"},
                  "contacts": [{"profile": {"name": "Ada"}, "wa_id": "%s"}],
                  "messages": [{"from": "%s", "id": "%s", "timestamp": "1733300000", %s}]}}]}]}""".formatted(PHONE_ID, USER, USER, messageId, typeAndContent);
    }

    static String quote(String text) {
        return dev.idun.config.Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
    }

    Http.Response deliver(String payload) {
        return deliver(payload, "sha256=" + HmacSha256.hex(APP_SECRET, payload.getBytes(StandardCharsets.UTF_8)));
    }

    Http.Response deliver(String payload, String signature) {
        return fixture.http.post(
                WEBHOOK, payload, signature == null ? Map.of() : Map.of("X-Hub-Signature-256", signature));
    }

    List<FakeProviderApi.Call> replies() {
        return graph.callsTo("/messages");
    }

    List<FakeProviderApi.Call> awaitReplies(int count) {
        ChannelFixture.await(count + " replies", () -> replies().size() >= count);
        return replies();
    }

    static String replyText(FakeProviderApi.Call call) {
        return call.json().at("/text/body").asText();
    }

    @Test
    void answers_the_verification_handshake_with_the_verify_token_only() {
        Http.Response ok =
                fixture.http.get(WEBHOOK + "?hub.mode=subscribe&hub.verify_token=verify-1&hub.challenge=ch-7");
        Http.Response wrong =
                fixture.http.get(WEBHOOK + "?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=ch-7");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("ch-7");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(fixture.http
                        .get("/integrations/whatsapp/support-line/webhook"
                                + "?hub.mode=subscribe&hub.verify_token=verify-1&hub.challenge=c")
                        .body())
                .isEqualTo("c");
    }

    @Test
    void a_genuine_message_gets_exactly_one_reply_with_the_right_url_token_and_body() {
        Http.Response response = deliver(textPayload("wamid.IN-1", "hello"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ok");
        FakeProviderApi.Call reply = awaitReplies(1).get(0);
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.path()).isEqualTo(MESSAGES_PATH);
        assertThat(reply.header("Authorization")).isEqualTo("Bearer token-1");
        JsonNode body = reply.json();
        assertThat(body.get("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.get("to").asText()).isEqualTo(USER);
        assertThat(body.get("type").asText()).isEqualTo("text");
        assertThat(replyText(reply)).isEqualTo("Echo: hello");
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
        assertThat(fixture.threads()).contains("whatsapp:" + USER);
        List<JsonNode> log = fixture.deliveries(integrationId);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("direction").asText()).isEqualTo("outbound");
        assertThat(log.get(0).get("status").asText()).isEqualTo("sent");
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(log.get(0).get("providerMessageId").asText()).startsWith("wamid.OUT-");
        assertThat(log.get(1).get("direction").asText()).isEqualTo("inbound");
        assertThat(log.get(1).get("status").asText()).isEqualTo("received");
        assertThat(log.get(1).get("threadId").asText()).isEqualTo("whatsapp:" + USER);
        assertThat(log.get(1).get("providerMessageId").asText()).isEqualTo("wamid.IN-1");
    }

    @Test
    void forged_or_missing_signatures_are_rejected_with_no_run_and_no_outbound_call() {
        String payload = textPayload("wamid.FORGED", "say something");

        Http.Response forged = deliver(payload, "sha256=" + HmacSha256.hex("not-the-secret", payload.getBytes()));
        Http.Response unsigned = deliver(payload, null);
        Http.Response tampered = deliver(
                payload.replace("say something", "say other"),
                "sha256=" + HmacSha256.hex(APP_SECRET, payload.getBytes()));

        assertThat(List.of(forged.status(), unsigned.status(), tampered.status()))
                .containsOnly(401);
        ChannelFixture.settle();
        assertThat(graph.calls()).isEmpty();
        assertThat(fixture.threads()).doesNotContain("whatsapp:" + USER);
        assertThat(fixture.deliveries(integrationId, "inbound", "rejected")).isNotEmpty();
        assertThat(fixture.deliveries(integrationId, "inbound", "received")).isEmpty();
    }

    @Test
    void a_payload_for_another_phone_number_is_refused() {
        Http.Response response = deliver(textPayload("wamid.OTHER", "hi").replace(PHONE_ID, "999"));

        assertThat(response.status()).isEqualTo(403);
        ChannelFixture.settle();
        assertThat(graph.calls()).isEmpty();
    }

    @Test
    void the_same_message_delivered_three_times_and_after_a_restart_is_answered_once() {
        String payload = textPayload("wamid.REPEAT", "once please");

        for (int i = 0; i < 3; i++) {
            assertThat(deliver(payload).status()).isEqualTo(200);
        }
        awaitReplies(1);
        fixture.restart();
        assertThat(deliver(payload).status()).isEqualTo(200);
        ChannelFixture.settle();

        assertThat(replies()).hasSize(1);
        assertThat(fixture.deliveries(integrationId, "inbound", "received")).hasSize(1);
        assertThat(fixture.deliveries(integrationId, "inbound", "duplicate")).hasSize(3);
    }

    @Test
    void a_slow_agent_does_not_hold_the_webhook() {
        long started = System.nanoTime();
        Http.Response response = deliver(textPayload("wamid.SLOW", "slow 5000 take your time"));
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(2));
        assertThat(replies()).isEmpty();
        assertThat(replyText(awaitReplies(1).get(0))).isEqualTo("Echo: take your time");
    }

    @Test
    void a_429_is_retried_after_the_wait_the_provider_asks_for_and_delivered_once() {
        graph.enqueue(new FakeProviderApi.Reply(
                429, Map.of("Retry-After", "1"), "{\"error\":{\"message\":\"rate limited\",\"code\":130429}}"));

        deliver(textPayload("wamid.RATE", "patience"));

        List<FakeProviderApi.Call> calls = awaitReplies(2);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(2);
        assertThat(replyText(calls.get(0))).isEqualTo(replyText(calls.get(1)));
        assertThat(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        JsonNode sent = fixture.deliveries(integrationId, "outbound", "sent").get(0);
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void five_server_errors_leave_the_reply_recorded_as_failed() {
        for (int i = 0; i < 5; i++) {
            graph.enqueue(FakeProviderApi.Reply.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        }

        deliver(textPayload("wamid.DOWN", "anyone there?"));

        ChannelFixture.await(
                "a failed delivery",
                () -> !fixture.deliveries(integrationId, "outbound", "failed").isEmpty());
        JsonNode failed =
                fixture.deliveries(integrationId, "outbound", "failed").get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("error").asText()).contains("500");
        assertThat(replies()).hasSize(5);
    }

    @Test
    void a_long_reply_arrives_in_ordered_parts_within_the_limit_with_nothing_lost() {
        deliver(textPayload("wamid.LONG", "long 10000"));

        ChannelFixture.await(
                "the parts",
                () -> fixture.deliveries(integrationId, "outbound", "sent").size() >= 3);
        ChannelFixture.settle();
        List<String> parts =
                replies().stream().map(WhatsAppChannelSuite::replyText).toList();
        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(words(String.join(" ", parts))).isEqualTo(words(ChannelTestAgent.longText(10000)));
    }

    static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }

    @Test
    void a_credentials_change_during_a_reply_lets_it_complete_and_the_next_reply_uses_the_new_token() {
        deliver(textPayload("wamid.FLIGHT-1", "slow 1500 first"));
        ChannelFixture.await(
                "the run to start",
                () -> fixture.threads().contains("whatsapp:" + USER)
                        || !fixture.deliveries(integrationId, "inbound", "received")
                                .isEmpty());

        fixture.patchIntegration(integrationId, integration("token-2", APP_SECRET));
        FakeProviderApi.Call first = awaitReplies(1).get(0);
        deliver(textPayload("wamid.FLIGHT-2", "second"));
        FakeProviderApi.Call second = awaitReplies(2).get(1);

        assertThat(replyText(first)).isEqualTo("Echo: first");
        assertThat(replyText(second)).isEqualTo("Echo: second");
        assertThat(second.header("Authorization")).isEqualTo("Bearer token-2");
        ChannelFixture.settle();
        assertThat(replies()).hasSize(2);
    }

    @Test
    void an_output_guardrail_block_reaches_the_user_as_the_guardrail_message() {
        deliver(textPayload("wamid.BLOCK", "block"));

        assertThat(replyText(awaitReplies(1).get(0))).isEqualTo(ChannelTestAgent.BLOCK_MESSAGE);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(1);
    }

    @Test
    void configured_input_and_output_guardrails_apply_to_channel_messages() {
        guard(
                "input",
                "{\"config_id\": \"ban_list\", \"banned_words\": [\"password\"],"
                        + " \"reject_message\": \"No secrets here.\"}");
        guard(
                "output",
                "{\"config_id\": \"ban_list\", \"banned_words\": [\"classified\"],"
                        + " \"reject_message\": \"I can't talk about that.\"}");

        deliver(textPayload("wamid.G-1", "my password is hunter2"));
        assertThat(replyText(awaitReplies(1).get(0))).isEqualTo("No secrets here.");
        deliver(textPayload("wamid.G-2", "say classified"));
        assertThat(replyText(awaitReplies(2).get(1))).isEqualTo("I can't talk about that.");
        deliver(textPayload("wamid.G-3", "hello"));
        assertThat(replyText(awaitReplies(3).get(2))).isEqualTo("Echo: hello");
    }

    private void guard(String position, String guardrail) {
        Http.Response response = fixture.http.post(
                "/admin/api/v1/guardrails",
                "{\"name\": \"G " + position + "\", \"position\": \"" + position + "\", \"guardrail\": " + guardrail
                        + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void a_failing_agent_gets_the_user_an_apology_and_the_failure_recorded() {
        deliver(textPayload("wamid.FAIL", "fail"));

        assertThat(replyText(awaitReplies(1).get(0))).startsWith("Sorry");
        ChannelFixture.await(
                "the log",
                () -> !fixture.deliveries(integrationId, "outbound", "sent").isEmpty());
        assertThat(fixture.deliveries(integrationId, "outbound", "sent")
                        .get(0)
                        .get("error")
                        .asText())
                .contains("failed on purpose");
    }

    @Test
    void other_message_types_get_a_polite_reply_and_captions_and_buttons_reach_the_agent() {
        deliver(message("wamid.AUDIO", "\"type\": \"audio\", \"audio\": {\"id\": \"media-1\"}"));
        deliver(message("wamid.IMAGE", "\"type\": \"image\", \"image\": {\"id\": \"m2\", \"caption\": \"a cat\"}"));
        deliver(message(
                "wamid.BUTTON",
                "\"type\": \"interactive\", \"interactive\": {\"type\": \"button_reply\","
                        + " \"button_reply\": {\"id\": \"b1\", \"title\": \"Yes please\"}}"));

        List<String> texts =
                awaitReplies(3).stream().map(WhatsAppChannelSuite::replyText).collect(Collectors.toList());
        assertThat(texts)
                .containsExactly(
                        "Sorry, I can only read text messages. Please send your question as text.",
                        "Echo: a cat",
                        "Echo: Yes please");
    }

    @Test
    void status_callbacks_are_recorded_and_not_answered() {
        String payload = """
                {"object": "whatsapp_business_account", "entry": [{"id": "WABA-1", "changes": [{"field": "messages",
                 "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "%s"},
                  "statuses": [{"id": "wamid.OUT-9", "status": "failed", "timestamp": "1", "recipient_id": "%s",
                   "errors": [{"code": 131047, "title": "Re-engagement message"}]}]}}]}]}""".formatted(PHONE_ID, USER);

        assertThat(deliver(payload).status()).isEqualTo(200);
        ChannelFixture.settle();

        assertThat(graph.calls()).isEmpty();
        JsonNode recorded = fixture.deliveries(integrationId).get(0);
        assertThat(recorded.get("direction").asText()).isEqualTo("inbound");
        assertThat(recorded.get("error").asText()).contains("131047");
    }

    @Test
    void the_runtime_status_warns_about_an_integration_without_app_secret() {
        assertThat(fixture.http
                        .get("/admin/api/v1/runtime/status")
                        .json()
                        .get("warnings")
                        .toString())
                .doesNotContain("appSecret");

        fixture.patchIntegration(integrationId, integration("token-1", null));

        assertThat(fixture.http
                        .get("/admin/api/v1/runtime/status")
                        .json()
                        .get("warnings")
                        .toString())
                .contains("Support line", "appSecret");
        assertThat(deliver(textPayload("wamid.UNSIGNED", "hi"), null).status()).isEqualTo(200);
        awaitReplies(1);
    }

    @Test
    void the_credential_test_asks_the_graph_api_for_the_phone_number() {
        Http.Response ok = fixture.http.post("/admin/api/v1/integrations/" + integrationId + "/test", "");

        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).isTrue();
        assertThat(ok.json().get("details").asText()).contains("+1 555 000", "Acme");
        FakeProviderApi.Call check = graph.calls().get(0);
        assertThat(check.path()).isEqualTo("/v21.0/" + PHONE_ID);
        assertThat(check.header("Authorization")).isEqualTo("Bearer token-1");

        graph.enqueue(FakeProviderApi.Reply.json(401, "{\"error\":{\"message\":\"Invalid OAuth access token\"}}"));
        Http.Response bad = fixture.http.post("/admin/api/v1/integrations/" + integrationId + "/test", "");
        assertThat(bad.json().get("ok").asBoolean()).isFalse();
        assertThat(bad.json().get("error").asText()).contains("401");
    }

    @Test
    void a_burst_from_many_users_is_acknowledged_fast_and_every_message_answered_once() throws Exception {
        List<Long> sequential = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long started = System.nanoTime();
            assertThat(deliver(textPayload("wamid.SEQ-" + i, "s" + i)).status()).isEqualTo(200);
            sequential.add(System.nanoTime() - started);
        }
        report("one at a time", sequential);
        awaitReplies(100);
        int senders = 8;
        int perSender = 40;
        List<Long> latencies = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perSender; i++) {
                    String payload = textPayload("wamid.BURST-" + sender + "-" + i, "m" + i)
                            .replace(USER, "1555000" + sender);
                    long started = System.nanoTime();
                    assertThat(deliver(payload).status()).isEqualTo(200);
                    latencies.add(System.nanoTime() - started);
                }
            }));
        }
        for (java.util.concurrent.Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        awaitReplies(100 + senders * perSender);
        ChannelFixture.settle();
        assertThat(replies()).hasSize(100 + senders * perSender);
        for (int s = 0; s < senders; s++) {
            String to = "1555000" + s;
            List<String> texts = replies().stream()
                    .filter(call -> call.json().get("to").asText().equals(to))
                    .map(WhatsAppChannelSuite::replyText)
                    .toList();
            assertThat(texts)
                    .as("replies of one conversation keep its order")
                    .isEqualTo(java.util.stream.IntStream.range(0, perSender)
                            .mapToObj(i -> "Echo: m" + i)
                            .toList());
        }
        assertThat(report("8 senders at once", latencies)).isLessThan(1000);
    }

    /** Prints the p50 and p99 of {@code nanos} and returns the p99 in milliseconds. */
    private long report(String how, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        long p50 = sorted.get(sorted.size() / 2) / 1_000_000;
        long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1_000_000;
        System.out.printf(
                "%s: WhatsApp webhook answered %d messages %s: p50 %d ms, p99 %d ms%n",
                getClass().getSimpleName(), sorted.size(), how, p50, p99);
        return p99;
    }

    @Test
    void deliveries_of_an_unknown_integration_are_a_404_and_a_bad_limit_a_422() {
        Http.Response response = fixture.http.get("/admin/api/v1/integrations/" + UUID.randomUUID() + "/deliveries");

        assertThat(response.status()).isEqualTo(404);
        Http.Response badLimit =
                fixture.http.get("/admin/api/v1/integrations/" + integrationId + "/deliveries?limit=0");
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(badLimit.body()).contains("query.limit");
    }
}
