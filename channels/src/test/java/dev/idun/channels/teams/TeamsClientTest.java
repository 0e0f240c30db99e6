package dev.idun.channels.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.channels.fakes.FakeProviderServer;
import dev.idun.channels.http.JsonHttp;
import dev.idun.config.Json;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamsClientTest {
    private FakeProviderServer connector;
    private final TeamsClient client = new TeamsClient(new JsonHttp(HttpClient.newHttpClient()));
    private TeamsActivity incoming;

    @BeforeEach
    void start() throws Exception {
        connector = new FakeProviderServer();
        incoming = TeamsActivity.parse("{\"type\":\"message\",\"id\":\"act-1\",\"text\":\"hi\",\"serviceUrl\":\""
                + connector.baseUrl() + "/emea/\",\"from\":{\"id\":\"29:user\"},\"recipient\":{\"id\":\"28:bot\"},"
                + "\"conversation\":{\"id\":\"19:abc@thread.skype;messageid=1\"}}");
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    @Test
    void sends_typing_into_the_conversation() throws Exception {
        client.sendTyping(incoming, "bot-tok");

        FakeProviderServer.Request request = connector.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path())
                .isEqualTo("/emea/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D1/activities");
        assertThat(request.header("Authorization")).isEqualTo("Bearer bot-tok");
        var body = Json.parse(request.body());
        assertThat(body.path("type").asText()).isEqualTo("typing");
        assertThat(body.path("from").path("id").asText()).isEqualTo("28:bot");
        assertThat(body.path("recipient").path("id").asText()).isEqualTo("29:user");
    }

    @Test
    void replies_to_the_incoming_activity() throws Exception {
        client.reply(incoming, "It is noon.", "bot-tok");

        FakeProviderServer.Request request = connector.requests().get(0);
        assertThat(request.path())
                .isEqualTo("/emea/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D1/activities/act-1");
        var body = Json.parse(request.body());
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("text").asText()).isEqualTo("It is noon.");
        assertThat(body.path("replyToId").asText()).isEqualTo("act-1");
        assertThat(body.path("conversation").path("id").asText()).isEqualTo("19:abc@thread.skype;messageid=1");
        assertThat(body.path("from").path("id").asText()).isEqualTo("28:bot");
    }
}
