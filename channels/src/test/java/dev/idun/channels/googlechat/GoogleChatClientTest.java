package dev.idun.channels.googlechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.channels.fakes.FakeProviderServer;
import dev.idun.channels.fakes.FakeProviderServer.Response;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.Json;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleChatClientTest {
    private FakeProviderServer chat;
    private GoogleChatClient client;

    @BeforeEach
    void start() throws Exception {
        chat = new FakeProviderServer();
        client = new GoogleChatClient(chat.baseUrl() + "/v1", new JsonHttp(HttpClient.newHttpClient()));
    }

    @AfterEach
    void stop() {
        chat.close();
    }

    @Test
    void posts_the_reply_into_the_thread_with_the_service_account_token() throws Exception {
        client.createMessage("spaces/AAAA", "spaces/AAAA/threads/t1", "Hello!", "ya29.token");

        FakeProviderServer.Request request = chat.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/spaces/AAAA/messages");
        assertThat(request.query()).isEqualTo("messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
        assertThat(request.header("Authorization")).isEqualTo("Bearer ya29.token");
        var body = Json.parse(request.body());
        assertThat(body.path("text").asText()).isEqualTo("Hello!");
        assertThat(body.path("thread").path("name").asText()).isEqualTo("spaces/AAAA/threads/t1");
    }

    @Test
    void posts_without_thread_when_the_message_had_none() throws Exception {
        client.createMessage("spaces/AAAA", null, "Hi", "ya29.token");

        FakeProviderServer.Request request = chat.requests().get(0);
        assertThat(request.query()).isNull();
        assertThat(Json.parse(request.body()).has("thread")).isFalse();
    }

    @Test
    void refuses_a_space_name_that_is_not_one() {
        assertThatThrownBy(() -> client.createMessage("spaces/../../x", null, "Hi", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void reports_an_api_error() {
        chat.stub("POST", "/v1/spaces/", Response.json(503, "{\"error\":{\"code\":503}}"));
        assertThatThrownBy(() -> client.createMessage("spaces/AAAA", null, "Hi", "t"))
                .isInstanceOfSatisfying(
                        ProviderHttpException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }
}
