package dev.idun.engine.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.idun.config.Json;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.agent.ToolSpec;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.observability.GenAiSpans;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent answered by a chat model: it streams the model's text as AG-UI text events, offers the client's tools
 * and the registry's tools to the model, ends the run at a call of a client tool (the client answers in its next
 * run), and runs registry tools itself, calling the model again with their results up to a step limit.
 */
public final class ModelAgent implements Agent {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ChatModels.Model model;
    private final PromptTemplate systemPrompt;
    private final ToolRegistry registry;
    private final int maxSteps;
    private final Duration idleTimeout;

    /** {@code systemPrompt} may be null; {@code idleTimeout} bounds the wait for each piece of the model's stream. */
    public ModelAgent(
            ChatModels.Model model, String systemPrompt, ToolRegistry registry, int maxSteps, Duration idleTimeout) {
        this(model, "the system prompt", systemPrompt, registry, maxSteps, idleTimeout);
    }

    /** As above; {@code promptName} names the Jinja2 system prompt in render errors (e.g. {@code prompt 'x' v2}). */
    public ModelAgent(
            ChatModels.Model model,
            String promptName,
            String systemPrompt,
            ToolRegistry registry,
            int maxSteps,
            Duration idleTimeout) {
        this.model = Objects.requireNonNull(model, "model");
        this.systemPrompt =
                systemPrompt == null || systemPrompt.isBlank() ? null : new PromptTemplate(promptName, systemPrompt);
        this.registry = Objects.requireNonNull(registry, "registry");
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1");
        }
        this.maxSteps = maxSteps;
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    @Override
    public void run(RunInput input, EventSink sink) throws Exception {
        List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
        if (systemPrompt != null) {
            messages.add(SystemMessage.from(systemPrompt.render(input.state(), input.forwardedProps())));
        }
        messages.addAll(toModelMessages(input.messages()));
        Map<String, ToolSpec> serverTools = byName(registry.tools());
        Map<String, ToolSpec> clientTools = byName(input.tools());
        Map<String, ToolSpec> offered = new LinkedHashMap<>(clientTools);
        offered.putAll(serverTools);
        List<ToolSpecification> specifications =
                offered.values().stream().map(ModelAgent::specification).toList();
        for (int step = 1; step <= maxSteps; step++) {
            ChatRequest.Builder request = ChatRequest.builder().messages(messages);
            if (!specifications.isEmpty()) {
                request.toolSpecifications(specifications);
            }
            AiMessage answer = call(request.build(), sink);
            if (!answer.hasToolExecutionRequests()) {
                return;
            }
            messages.add(answer);
            boolean clientCalled = false;
            for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                if (serverTools.containsKey(call.name())) {
                    messages.add(result(call, execute(call), sink));
                } else if (clientTools.containsKey(call.name())) {
                    clientCalled = true;
                } else {
                    messages.add(result(call, "Error: tool '" + call.name() + "' is not available.", sink));
                }
            }
            if (clientCalled) {
                return;
            }
        }
        throw new IllegalStateException(
                "The model was still calling tools after " + maxSteps + " steps; the run was stopped.");
    }

    /** One streaming model call, observed as a {@code chat} span with the provider's token usage. */
    private AiMessage call(ChatRequest request, EventSink sink) throws Exception {
        GenAiSpans.Call span = GenAiSpans.chat(model.provider(), model.name());
        try {
            ModelStream stream = new ModelStream(model, idleTimeout);
            AiMessage answer = stream.run(request, sink);
            ChatResponse response = stream.response();
            if (response != null) {
                TokenUsage usage = response.tokenUsage();
                if (usage != null) {
                    span.usage(usage.inputTokenCount(), usage.outputTokenCount());
                }
                span.response(
                        response.modelName(),
                        response.id(),
                        response.finishReason() == null
                                ? null
                                : response.finishReason().name().toLowerCase(Locale.ROOT));
            }
            return answer;
        } catch (Exception e) {
            span.failed(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private String execute(ToolExecutionRequest call) {
        GenAiSpans.Call span = GenAiSpans.tool(call.name(), call.id());
        try {
            return registry.execute(call.name(), call.arguments());
        } catch (Exception e) {
            String message = "Error: tool '" + call.name() + "' failed: " + e.getMessage();
            span.failed(message);
            return message;
        } finally {
            span.end();
        }
    }

    private static ToolExecutionResultMessage result(ToolExecutionRequest call, String content, EventSink sink) {
        sink.emit(new AgUiEvent.ToolCallResult(UUID.randomUUID().toString(), call.id(), content));
        return ToolExecutionResultMessage.from(call.id(), call.name(), content);
    }

    private static Map<String, ToolSpec> byName(List<ToolSpec> tools) {
        Map<String, ToolSpec> map = new LinkedHashMap<>();
        tools.forEach(t -> map.putIfAbsent(t.name(), t));
        return map;
    }

    private static ToolSpecification specification(ToolSpec tool) {
        ToolSpecification.Builder builder = ToolSpecification.builder().name(tool.name());
        if (!tool.description().isBlank()) {
            builder.description(tool.description());
        }
        if (tool.parameters() != null && tool.parameters().isObject()) {
            JsonSchemaElement schema =
                    JsonSchemaElementJsonUtils.fromMap(Json.mapper().convertValue(tool.parameters(), MAP));
            if (schema instanceof JsonObjectSchema object) {
                builder.parameters(object);
            }
        }
        return builder.build();
    }

    /** The AG-UI conversation as LangChain4j messages; a tool result takes its tool's name from the call it answers. */
    static List<dev.langchain4j.data.message.ChatMessage> toModelMessages(List<ChatMessage> conversation) {
        Map<String, String> toolNames = new HashMap<>();
        List<dev.langchain4j.data.message.ChatMessage> out = new ArrayList<>();
        for (ChatMessage message : conversation) {
            switch (message.role()) {
                case "system", "developer" -> {
                    if (!message.content().isBlank()) {
                        out.add(SystemMessage.from(message.content()));
                    }
                }
                case "user" -> out.add(UserMessage.from(message.content()));
                case "assistant" -> {
                    List<ToolExecutionRequest> calls = new ArrayList<>();
                    for (ChatMessage.ToolCall call : message.toolCalls()) {
                        toolNames.put(call.id(), call.name());
                        calls.add(ToolExecutionRequest.builder()
                                .id(call.id())
                                .name(call.name())
                                .arguments(call.arguments())
                                .build());
                    }
                    if (!calls.isEmpty()) {
                        out.add(
                                message.content().isBlank()
                                        ? AiMessage.from(calls)
                                        : AiMessage.from(message.content(), calls));
                    } else if (!message.content().isBlank()) {
                        out.add(AiMessage.from(message.content()));
                    }
                }
                case "tool" -> {
                    String id = message.toolCallId() == null ? "" : message.toolCallId();
                    out.add(ToolExecutionResultMessage.from(id, toolNames.getOrDefault(id, "tool"), message.content()));
                }
                default -> {}
            }
        }
        return out;
    }
}
