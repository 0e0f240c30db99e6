package dev.idun.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.ServerConfig;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.config.observability.ObservabilityConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EchoAgent;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.agent.ToolSpec;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.guardrail.Guardrails;
import dev.idun.engine.mcp.McpToolbox;
import dev.idun.engine.memory.ConversationMemory;
import dev.idun.engine.model.FakeModelServer;
import dev.idun.engine.model.ModelAgentFactory;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans of real runs through the run pipeline, exported over OTLP/HTTP to a collector on loopback. */
class TelemetryExportTest {
    private static final String CHUNK = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";
    private static final String USAGE = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-test-2025\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}}";
    private static final ToolSpec WEATHER = new ToolSpec(
            "get_weather",
            "Weather of a city",
            Json.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));

    private FakeModelServer model;
    private FakeOtlpCollector collector;
    private final List<RunTrace> traces = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        model = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        model.close();
        if (collector != null) {
            collector.close();
        }
    }

    static String usage(int input, int output) {
        return USAGE.formatted(input, output, input + output);
    }

    private EngineConfig config(ObservabilityConfig observability) {
        ObjectNode settings = Json.object().put("name", "Weather agent");
        settings.putObject("model")
                .put("provider", "openai")
                .put("name", "gpt-test")
                .put("base_url", model.baseUrl() + "/v1")
                .put("api_key", "sk-test");
        return new EngineConfig(
                ServerConfig.DEFAULT,
                new AgentConfig(AgentType.LANGCHAIN4J, "Weather agent", settings),
                null,
                List.of(),
                List.of(),
                observability,
                null,
                List.of(),
                List.of());
    }

    private static ObservabilityConfig langfuse(String host) {
        ObjectNode config =
                Json.object().put("host", host).put("publicKey", "pk-lf-1234").put("secretKey", "sk-lf-5678");
        return new ObservabilityConfig("LANGFUSE", true, config);
    }

    private static ToolRegistry weather() {
        return new ToolRegistry() {
            @Override
            public List<ToolSpec> tools() {
                return List.of(WEATHER);
            }

            @Override
            public String execute(String name, String arguments) {
                return "sunny";
            }
        };
    }

    private RunPipeline pipeline(LiveRuntime runtime) {
        return new RunPipeline(
                new RuntimeHolder(runtime, Duration.ofSeconds(1)), ConversationMemory.inProcess(), traces::add);
    }

    private static List<AgUiEvent> run(RunPipeline pipeline, String runId) {
        List<AgUiEvent> events = new ArrayList<>();
        RunInput input = new RunInput("thread-1", runId, List.of(new ChatMessage("m-" + runId, "user", "Weather?")));
        pipeline.run(pipeline.begin(), input, events::add);
        return events;
    }

    @Test
    void exports_run_model_and_tool_spans_with_genai_attributes_to_langfuse_with_basic_auth() throws Exception {
        collector = FakeOtlpCollector.start();
        model.reply(FakeModelServer.openAi(
                CHUNK.formatted(
                        "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]}",
                        "null"),
                CHUNK.formatted("{}", "\"tool_calls\""),
                usage(20, 7)));
        model.reply(FakeModelServer.openAi(
                CHUNK.formatted("{\"content\":\"Sunny.\"}", "null"), CHUNK.formatted("{}", "\"stop\""), usage(30, 3)));
        EngineConfig config = config(langfuse(collector.baseUrl()));
        Telemetry telemetry = Telemetry.of(config, new ExportTargets(Map.of()));
        Agent agent =
                new ModelAgentFactory(Map.of(), weather(), Duration.ofSeconds(5)).create(config, new ArrayList<>());
        LiveRuntime runtime =
                new LiveRuntime(config, 1, agent, null, McpToolbox.none(), telemetry, Guardrails.none(), List.of());

        List<AgUiEvent> events = run(pipeline(runtime), "run-1");

        assertThat(events.get(events.size() - 1)).isInstanceOf(AgUiEvent.RunFinished.class);
        FakeOtlpCollector.ReceivedSpan root =
                collector.awaitSpan(s -> s.name().equals("invoke_agent Weather agent"), Duration.ofSeconds(20));
        runtime.close();
        assertThat(root.attributes())
                .containsEntry("gen_ai.operation.name", "invoke_agent")
                .containsEntry("gen_ai.agent.name", "Weather agent")
                .containsEntry("gen_ai.conversation.id", "thread-1")
                .containsEntry("idun.run.id", "run-1")
                .containsEntry("gen_ai.usage.input_tokens", 50L)
                .containsEntry("gen_ai.usage.output_tokens", 10L);
        assertThat(root.resource()).containsEntry("service.name", "Weather agent");
        List<FakeOtlpCollector.ReceivedSpan> spans = collector.spans().stream()
                .filter(s -> s.traceId().equals(root.traceId()))
                .toList();
        List<FakeOtlpCollector.ReceivedSpan> chats =
                spans.stream().filter(s -> s.name().equals("chat gpt-test")).toList();
        assertThat(chats).hasSize(2);
        assertThat(chats).allSatisfy(chat -> {
            assertThat(chat.parentSpanId()).isEqualTo(root.spanId());
            assertThat(chat.attributes())
                    .containsEntry("gen_ai.operation.name", "chat")
                    .containsEntry("gen_ai.system", "openai")
                    .containsEntry("gen_ai.provider.name", "openai")
                    .containsEntry("gen_ai.request.model", "gpt-test")
                    .containsKey("idun.latency_ms");
            assertThat(chat.durationNanos()).isPositive();
        });
        assertThat(chats.stream().map(c -> c.attributes().get("gen_ai.usage.input_tokens")))
                .containsExactlyInAnyOrder(20L, 30L);
        assertThat(chats.stream().map(c -> c.attributes().get("gen_ai.usage.output_tokens")))
                .containsExactlyInAnyOrder(7L, 3L);
        FakeOtlpCollector.ReceivedSpan tool = spans.stream()
                .filter(s -> s.name().equals("execute_tool get_weather"))
                .findFirst()
                .orElseThrow();
        assertThat(tool.parentSpanId()).isEqualTo(root.spanId());
        assertThat(tool.attributes())
                .containsEntry("gen_ai.operation.name", "execute_tool")
                .containsEntry("gen_ai.tool.name", "get_weather")
                .containsEntry("gen_ai.tool.call.id", "call_1");
        FakeOtlpCollector.Received request = collector.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/public/otel/v1/traces");
        assertThat(request.contentType()).isEqualTo("application/x-protobuf");
        assertThat(request.headers().get("authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("pk-lf-1234:sk-lf-5678".getBytes(StandardCharsets.UTF_8)));
        assertThat(telemetry.exportStats().orElseThrow().exported()).isEqualTo(4);
    }

    @Test
    void the_trace_of_a_run_holds_its_events_spans_and_token_usage() throws Exception {
        model.reply(FakeModelServer.openAi(
                CHUNK.formatted("{\"content\":\"Sunny.\"}", "null"), CHUNK.formatted("{}", "\"stop\""), usage(11, 2)));
        EngineConfig config = config(null);
        Agent agent =
                new ModelAgentFactory(Map.of(), weather(), Duration.ofSeconds(5)).create(config, new ArrayList<>());
        LiveRuntime runtime = new LiveRuntime(config, 1, agent, List.of());

        run(pipeline(runtime), "run-2");

        assertThat(traces).hasSize(1);
        RunTrace trace = traces.get(0);
        assertThat(trace.threadId()).isEqualTo("thread-1");
        assertThat(trace.runId()).isEqualTo("run-2");
        assertThat(trace.status()).isEqualTo(RunTrace.FINISHED);
        assertThat(trace.title()).isEqualTo("Weather?");
        assertThat(trace.inputTokens()).isEqualTo(11);
        assertThat(trace.outputTokens()).isEqualTo(2);
        assertThat(trace.messageCount()).isEqualTo(2);
        assertThat(trace.events().stream().map(e -> e.event().type()))
                .containsExactly(
                        "RUN_STARTED",
                        "TEXT_MESSAGE_START",
                        "TEXT_MESSAGE_CONTENT",
                        "TEXT_MESSAGE_END",
                        "RUN_FINISHED");
        assertThat(trace.spans().stream().map(TracedSpan::name))
                .containsExactlyInAnyOrder("chat gpt-test", "invoke_agent Weather agent");
        assertThat(runtime.telemetry().exportStats()).isEmpty();
        runtime.close();
    }

    @Test
    void a_stuck_collector_never_delays_runs_and_the_spans_it_cannot_take_are_counted() throws Exception {
        collector = FakeOtlpCollector.stuck();
        EngineConfig config = config(langfuse(collector.baseUrl()));
        ExportTarget target =
                new ExportTargets(Map.of()).of(config.observability(), "echo").orElseThrow();
        Telemetry telemetry = new Telemetry("echo", "echo", target, 4);
        RunPipeline pipeline = pipeline(new LiveRuntime(
                config, 1, new EchoAgent(), null, McpToolbox.none(), telemetry, Guardrails.none(), List.of()));

        long started = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            List<AgUiEvent> events = run(pipeline, "run-" + i);
            assertThat(events.get(events.size() - 1)).isInstanceOf(AgUiEvent.RunFinished.class);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        ExportStats stats = telemetry.exportStats().orElseThrow();
        assertThat(stats.dropped()).isGreaterThanOrEqualTo(60 - 4 - ExportQueue.BATCH / 100 - 10);
        assertThat(stats.exported()).isZero();
        assertThat(traces).hasSize(60);
        collector.release();
        telemetry.close();
    }
}
