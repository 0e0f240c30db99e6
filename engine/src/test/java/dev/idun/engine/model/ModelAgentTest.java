package dev.idun.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.config.prompt.PromptConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.agent.ToolSpec;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelAgentTest {
    private static final ToolSpec WEATHER = new ToolSpec(
            "get_weather",
            "Weather of a city",
            Json.parse(
                    "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"));

    private FakeModelServer fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static String textChunk(String text) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                + Json.mapper().valueToTree(text)
                + "},\"finish_reason\":null}]}";
    }

    static String finishChunk(String reason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    static String toolChunk(String toolCallJson) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + toolCallJson
                + "]},\"finish_reason\":null}]}";
    }

    /** A weather call with its arguments split over three chunks. */
    static FakeModelServer.Reply weatherCall(String id) {
        return FakeModelServer.openAi(
                toolChunk("{\"index\":0,\"id\":\"" + id
                        + "\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}"),
                toolChunk("{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}"),
                toolChunk("{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}"),
                finishChunk("tool_calls"));
    }

    private ObjectNode settings(String provider) {
        ObjectNode settings = Json.object().put("name", "Test agent");
        settings.putObject("model")
                .put("provider", provider)
                .put("name", "gpt-test")
                .put("base_url", fake.baseUrl() + "/v1")
                .put("api_key", "sk-test-secret");
        return settings;
    }

    private static EngineConfig config(ObjectNode settings) {
        return EngineConfig.ofAgent(new AgentConfig(AgentType.LANGCHAIN4J, "Test agent", settings));
    }

    private Agent agent(ObjectNode settings, ToolRegistry registry) throws RuntimeBuildException {
        return new ModelAgentFactory(Map.of(), registry, Duration.ofSeconds(5))
                .create(config(settings), new ArrayList<>());
    }

    private static RunInput userSays(String text, List<ToolSpec> tools) {
        return new RunInput("t1", "r1", List.of(new ChatMessage("m1", "user", text)), tools, null, null);
    }

    private static List<String> types(List<AgUiEvent> events) {
        return events.stream().map(AgUiEvent::type).toList();
    }

    @Test
    void streams_each_model_delta_as_a_text_message_event() throws Exception {
        fake.reply(FakeModelServer.openAi(textChunk("Hel"), textChunk("lo"), finishChunk("stop")));
        List<AgUiEvent> events = new ArrayList<>();

        agent(settings("openai"), ToolRegistry.empty()).run(userSays("Hi", List.of()), events::add);

        assertThat(types(events))
                .containsExactly(
                        "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END");
        assertThat(events.get(1))
                .isEqualTo(new AgUiEvent.TextMessageContent(
                        ((AgUiEvent.TextMessageStart) events.get(0)).messageId(), "Hel"));
        assertThat(((AgUiEvent.TextMessageContent) events.get(2)).delta()).isEqualTo("lo");
        FakeModelServer.Request request = fake.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(request.body().path("model").asText()).isEqualTo("gpt-test");
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        assertThat(request.body().path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi\"}]");
    }

    @Test
    void a_client_tool_call_ends_the_run_and_its_result_comes_back_in_the_next_run() throws Exception {
        fake.reply(weatherCall("call_1"));
        fake.reply(FakeModelServer.openAi(textChunk("Sunny in Paris."), finishChunk("stop")));
        Agent agent = agent(settings("openai"), ToolRegistry.empty());
        List<AgUiEvent> first = new ArrayList<>();

        agent.run(userSays("Weather in Paris?", List.of(WEATHER)), first::add);

        assertThat(first)
                .containsExactly(
                        new AgUiEvent.ToolCallStart(
                                "call_1", "get_weather", ((AgUiEvent.ToolCallStart) first.get(0)).parentMessageId()),
                        new AgUiEvent.ToolCallArgs("call_1", "{\"city\":"),
                        new AgUiEvent.ToolCallArgs("call_1", "\"Paris\"}"),
                        new AgUiEvent.ToolCallEnd("call_1"));
        JsonNode tools = fake.requests().get(0).body().path("tools");
        assertThat(tools.get(0).path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(tools.get(0)
                        .path("function")
                        .path("parameters")
                        .path("required")
                        .toString())
                .isEqualTo("[\"city\"]");

        List<ChatMessage> conversation = List.of(
                new ChatMessage("m1", "user", "Weather in Paris?"),
                new ChatMessage(
                        "m2",
                        "assistant",
                        "",
                        List.of(new ChatMessage.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")),
                        null),
                new ChatMessage("m3", "tool", "sunny, 21C", List.of(), "call_1"));
        List<AgUiEvent> second = new ArrayList<>();
        agent.run(new RunInput("t1", "r2", conversation, List.of(WEATHER), null, null), second::add);

        assertThat(types(second)).containsExactly("TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END");
        JsonNode sent = fake.requests().get(1).body().path("messages");
        assertThat(sent.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(sent.get(1).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
        assertThat(sent.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(sent.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(sent.get(2).path("content").asText()).isEqualTo("sunny, 21C");
    }

    private static ToolRegistry weatherRegistry(AtomicInteger calls) {
        return new ToolRegistry() {
            @Override
            public List<ToolSpec> tools() {
                return List.of(WEATHER);
            }

            @Override
            public String execute(String name, String arguments) {
                calls.incrementAndGet();
                return "sunny in " + Json.parse(arguments).path("city").asText();
            }
        };
    }

    @Test
    void a_registry_tool_runs_on_the_server_and_the_model_gets_its_result() throws Exception {
        fake.reply(weatherCall("call_9"));
        fake.reply(FakeModelServer.openAi(textChunk("It is sunny."), finishChunk("stop")));
        AtomicInteger calls = new AtomicInteger();
        List<AgUiEvent> events = new ArrayList<>();

        agent(settings("openai"), weatherRegistry(calls)).run(userSays("Weather?", List.of()), events::add);

        assertThat(types(events))
                .containsExactly(
                        "TOOL_CALL_START",
                        "TOOL_CALL_ARGS",
                        "TOOL_CALL_ARGS",
                        "TOOL_CALL_END",
                        "TOOL_CALL_RESULT",
                        "TEXT_MESSAGE_START",
                        "TEXT_MESSAGE_CONTENT",
                        "TEXT_MESSAGE_END");
        AgUiEvent.ToolCallResult result = (AgUiEvent.ToolCallResult) events.get(4);
        assertThat(result.toolCallId()).isEqualTo("call_9");
        assertThat(result.content()).isEqualTo("sunny in Paris");
        assertThat(calls).hasValue(1);
        JsonNode sent = fake.requests().get(1).body().path("messages");
        assertThat(sent.get(2).path("tool_call_id").asText()).isEqualTo("call_9");
        assertThat(sent.get(2).path("content").asText()).isEqualTo("sunny in Paris");
    }

    @Test
    void a_call_of_a_tool_nobody_provides_sends_an_error_result_back_and_the_run_goes_on() throws Exception {
        fake.reply(weatherCall("call_2"));
        fake.reply(FakeModelServer.openAi(textChunk("Sorry."), finishChunk("stop")));
        List<AgUiEvent> events = new ArrayList<>();

        agent(settings("openai"), ToolRegistry.empty()).run(userSays("Weather?", List.of()), events::add);

        assertThat(((AgUiEvent.ToolCallResult) events.get(4)).content())
                .isEqualTo("Error: tool 'get_weather' is not available.");
        assertThat(types(events)).endsWith("TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void a_model_that_keeps_calling_tools_is_stopped_after_ten_steps() throws Exception {
        for (int i = 0; i < 11; i++) {
            fake.reply(weatherCall("call_" + i));
        }
        AtomicInteger calls = new AtomicInteger();
        Agent agent = agent(settings("openai"), weatherRegistry(calls));

        assertThatThrownBy(() -> agent.run(userSays("Weather?", List.of()), event -> {}))
                .hasMessageContaining("after 10 steps");
        assertThat(fake.requests()).hasSize(10);
        assertThat(calls).hasValue(10);
    }

    @Test
    void an_unauthorized_provider_fails_the_run_with_its_message_and_without_the_key() throws Exception {
        fake.reply(
                FakeModelServer.error(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-secret\",\"type\":\"invalid_request_error\"}}"));
        Agent agent = agent(settings("openai"), ToolRegistry.empty());

        assertThatThrownBy(() -> agent.run(userSays("Hi", List.of()), event -> {}))
                .isInstanceOf(ModelProviderException.class)
                .hasMessageContaining("Model provider 'openai' (model gpt-test) failed")
                .hasMessageContaining("Incorrect API key provided")
                .hasMessageNotContaining("sk-test-secret");
    }

    @Test
    void a_server_error_fails_the_run() throws Exception {
        fake.reply(FakeModelServer.error(500, "{\"error\":{\"message\":\"upstream exploded\"}}"));
        Agent agent = agent(settings("openai"), ToolRegistry.empty());

        assertThatThrownBy(() -> agent.run(userSays("Hi", List.of()), event -> {}))
                .isInstanceOf(ModelProviderException.class)
                .hasMessageContaining("upstream exploded");
    }

    @Test
    void a_stalled_stream_fails_the_run_after_the_timeout() throws Exception {
        fake.reply(FakeModelServer.stalled(textChunk("Hel"), 5_000));
        Agent agent = new ModelAgentFactory(Map.of(), ToolRegistry.empty(), Duration.ofMillis(1000))
                .create(config(settings("openai")), new ArrayList<>());
        List<AgUiEvent> events = new ArrayList<>();
        long started = System.nanoTime();

        assertThatThrownBy(() -> agent.run(userSays("Hi", List.of()), events::add))
                .isInstanceOf(ModelProviderException.class)
                .hasMessageContaining("sent nothing for 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(types(events)).doesNotContain("TEXT_MESSAGE_END");
    }

    @Test
    void a_sink_that_fails_stops_the_stream_at_once() throws Exception {
        fake.reply(FakeModelServer.stalled(textChunk("Hel"), 5_000));
        Agent agent = agent(settings("openai"), ToolRegistry.empty());
        List<AgUiEvent> events = new ArrayList<>();
        long started = System.nanoTime();

        assertThatThrownBy(() -> agent.run(userSays("Hi", List.of()), event -> {
                    if (event instanceof AgUiEvent.TextMessageContent) {
                        throw new UncheckedIOException(new IOException("client went away"));
                    }
                    events.add(event);
                }))
                .hasMessageContaining("client went away");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(types(events)).containsExactly("TEXT_MESSAGE_START");
    }

    @Test
    void a_missing_api_key_fails_the_build() {
        ObjectNode settings = settings("anthropic");
        ((ObjectNode) settings.get("model")).remove("api_key");
        ((ObjectNode) settings.get("model")).put("api_key_env", "MY_ANTHROPIC_KEY");

        assertThatThrownBy(() -> agent(settings, ToolRegistry.empty()))
                .isInstanceOf(RuntimeBuildException.class)
                .hasMessage("Model provider 'anthropic' needs an API key: environment variable MY_ANTHROPIC_KEY"
                        + " is not set.");
    }

    @Test
    void the_api_key_comes_from_the_providers_usual_variable() throws Exception {
        ObjectNode settings = settings("openai");
        ((ObjectNode) settings.get("model")).remove("api_key");
        fake.reply(FakeModelServer.openAi(textChunk("ok"), finishChunk("stop")));

        new ModelAgentFactory(Map.of("OPENAI_API_KEY", "sk-from-env"), ToolRegistry.empty(), Duration.ofSeconds(5))
                .create(config(settings), new ArrayList<>())
                .run(userSays("Hi", List.of()), event -> {});

        assertThat(fake.requests().get(0).headers().get("authorization")).isEqualTo("Bearer sk-from-env");
    }

    @Test
    void the_system_prompt_id_takes_the_latest_version_with_its_variables_filled() throws Exception {
        ObjectNode settings = settings("ollama").put("system_prompt_id", "support");
        ((ObjectNode) settings.get("model")).remove("api_key");
        EngineConfig config = new EngineConfig(
                EngineConfig.empty().server(),
                new AgentConfig(AgentType.LANGCHAIN4J, "Test agent", settings),
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(
                        new PromptConfig("support", 1, "Old prompt.", List.of()),
                        new PromptConfig("support", 2, "You help {{user}} from {{team}} in {{city}}.", List.of())));
        fake.reply(FakeModelServer.openAi(textChunk("ok"), finishChunk("stop")));
        RunInput input = new RunInput(
                "t1",
                "r1",
                List.of(new ChatMessage("m1", "user", "Hi")),
                List.of(),
                Json.parse("{\"user\":\"Ada\"}"),
                Json.parse("{\"team\":\"billing\",\"user\":\"ignored\",\"city\":\"Oslo\"}"));

        new ModelAgentFactory(Map.of(), ToolRegistry.empty(), Duration.ofSeconds(5))
                .create(config, new ArrayList<>())
                .run(input, event -> {});

        JsonNode messages = fake.requests().get(0).body().path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You help Ada from billing in Oslo.");
        assertThat(fake.requests().get(0).headers().get("authorization")).isEqualTo("Bearer ollama");
    }

    @Test
    void an_unknown_system_prompt_id_fails_the_build() {
        ObjectNode settings = settings("openai").put("system_prompt_id", "missing");

        assertThatThrownBy(() -> agent(settings, ToolRegistry.empty()))
                .isInstanceOf(RuntimeBuildException.class)
                .hasMessageContaining("system_prompt_id 'missing'");
    }

    @Test
    void the_echo_provider_still_answers_offline() throws Exception {
        ObjectNode settings = Json.object().put("name", "Echo");
        settings.putObject("model").put("provider", "echo");
        List<AgUiEvent> events = new ArrayList<>();

        agent(settings, ToolRegistry.empty()).run(userSays("Hi", List.of()), events::add);

        assertThat(((AgUiEvent.TextMessageContent) events.get(1)).delta()).isEqualTo("Echo: Hi");
    }
}
