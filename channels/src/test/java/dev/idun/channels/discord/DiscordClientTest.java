package dev.idun.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.channels.fakes.FakeProviderServer;
import dev.idun.channels.fakes.FakeProviderServer.Response;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.Json;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscordClientTest {
    private final FakeProviderServer discord = newServer();
    private final DiscordClient client =
            new DiscordClient(discord.baseUrl() + "/api/v10/", new JsonHttp(HttpClient.newHttpClient()));

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void edits_the_original_response_with_the_bot_token_and_no_mentions() throws Exception {
        client.editOriginal("123456789", "test-token", "bot-secret", "Hello!");

        FakeProviderServer.Request request = discord.requests().get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo("/api/v10/webhooks/123456789/test-token/messages/@original");
        assertThat(request.header("Authorization")).isEqualTo("Bot bot-secret");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        var body = Json.parse(request.body());
        assertThat(body.path("content").asText()).isEqualTo("Hello!");
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void posts_follow_up_messages_to_the_interaction_webhook() throws Exception {
        client.followUp("123456789", "test-token", "bot-secret", "part two");

        FakeProviderServer.Request request = discord.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v10/webhooks/123456789/test-token");
        assertThat(request.query()).isEqualTo("wait=true");
        assertThat(Json.parse(request.body()).path("content").asText()).isEqualTo("part two");
    }

    @Test
    void reads_the_current_application_for_the_test_action() throws Exception {
        discord.stub("GET", "/api/v10/applications/@me", Response.json(200, "{\"id\":\"app\",\"name\":\"Idun\"}"));

        assertThat(client.currentApplication("bot-secret").path("name").asText())
                .isEqualTo("Idun");
        assertThat(discord.requests().get(0).header("Authorization")).isEqualTo("Bot bot-secret");
    }

    @Test
    void reports_status_and_retry_after_of_a_refusal() {
        discord.enqueue(
                "PATCH",
                "/api/v10/webhooks/",
                new Response(429, "{\"retry_after\":1.5}", Map.of("Retry-After", "1.5")));

        assertThatThrownBy(() -> client.editOriginal("app", "tok", "bot-secret", "x"))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
                });
        discord.enqueue("PATCH", "/api/v10/webhooks/", Response.json(404, "{\"message\":\"Unknown Webhook\"}"));
        assertThatThrownBy(() -> client.editOriginal("app", "tok", "bot-secret", "x"))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("bot-secret");
                });
    }

    private static FakeProviderServer newServer() {
        try {
            return new FakeProviderServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
