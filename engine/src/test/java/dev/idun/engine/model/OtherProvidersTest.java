package dev.idun.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.agui.AgUiEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtherProvidersTest {
    private FakeModelServer fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private List<AgUiEvent> run(String provider, String model, String baseUrl, Map<String, String> env)
            throws Exception {
        ObjectNode settings = Json.object().put("name", "Agent").put("system_prompt", "Be brief.");
        settings.putObject("model").put("provider", provider).put("name", model).put("base_url", baseUrl);
        List<AgUiEvent> events = new ArrayList<>();
        new ModelAgentFactory(env, ToolRegistry.empty(), Duration.ofSeconds(5))
                .create(
                        EngineConfig.ofAgent(new AgentConfig(AgentType.LANGCHAIN4J, "Agent", settings)),
                        new ArrayList<>())
                .run(new RunInput("t1", "r1", List.of(new ChatMessage("m1", "user", "Hi"))), events::add);
        return events;
    }

    private static List<String> deltas(List<AgUiEvent> events) {
        return events.stream()
                .filter(e -> e instanceof AgUiEvent.TextMessageContent)
                .map(e -> ((AgUiEvent.TextMessageContent) e).delta())
                .toList();
    }

    @Test
    void anthropic_streams_its_text_deltas() throws Exception {
        fake.reply(FakeModelServer.events(List.of(
                new String[] {
                    "message_start",
                    "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                            + "\"model\":\"claude-test\",\"content\":[],\"stop_reason\":null,"
                            + "\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}"
                },
                new String[] {
                    "content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"
                },
                new String[] {
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Bon\"}}"
                },
                new String[] {
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"jour\"}}"
                },
                new String[] {"content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"},
                new String[] {
                    "message_delta",
                    "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}"
                },
                new String[] {"message_stop", "{\"type\":\"message_stop\"}"})));

        List<AgUiEvent> events =
                run("anthropic", "claude-test", fake.baseUrl() + "/v1/", Map.of("ANTHROPIC_API_KEY", "ak-1"));

        assertThat(events.stream().map(AgUiEvent::type).toList())
                .containsExactly(
                        "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END");
        assertThat(deltas(events)).containsExactly("Bon", "jour");
        FakeModelServer.Request request = fake.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.headers().get("x-api-key")).isEqualTo("ak-1");
        assertThat(request.body().path("model").asText()).isEqualTo("claude-test");
        assertThat(request.body().path("system").toString()).contains("Be brief.");
    }

    @Test
    void gemini_streams_its_text() throws Exception {
        fake.reply(FakeModelServer.events(List.<String[]>of(new String[] {
            null,
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hallo\"}],\"role\":\"model\"},"
                    + "\"finishReason\":\"STOP\",\"index\":0}],"
                    + "\"usageMetadata\":{\"promptTokenCount\":1,\"candidatesTokenCount\":1,\"totalTokenCount\":2}}"
        })));

        List<AgUiEvent> events =
                run("gemini", "gemini-test", fake.baseUrl() + "/v1beta", Map.of("GOOGLE_API_KEY", "gk-1"));

        assertThat(events.stream().map(AgUiEvent::type).toList())
                .containsExactly("TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END");
        assertThat(deltas(events)).containsExactly("Hallo");
        FakeModelServer.Request request = fake.requests().get(0);
        assertThat(request.path()).startsWith("/v1beta/models/gemini-test:streamGenerateContent");
        assertThat(request.headers().get("x-goog-api-key")).isEqualTo("gk-1");
        assertThat(request.body()
                        .path("contents")
                        .get(0)
                        .path("parts")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("Hi");
    }
}
