package dev.idun.engine.langgraph;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.custom.LoadedClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.NodeOutput;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.state.AgentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a compiled LangGraph4j graph: the conversation goes in as the {@code messages} channel (maps of role and
 * content) with {@code thread_id}, the run's state as the other channels; each node that ran is reported as a step,
 * the assistant messages the graph added are streamed as text messages, and the other channels end the run as a
 * state snapshot (kept with the thread by the run pipeline, so the graph's state carries over to the next run).
 */
final class LangGraphAgent implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(LangGraphAgent.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final CompiledGraph<?> graph;
    private final LoadedClass loaded;

    LangGraphAgent(CompiledGraph<?> graph, LoadedClass loaded) {
        this.graph = graph;
        this.loaded = loaded;
    }

    @Override
    public void run(RunInput input, EventSink sink) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ChatMessage message : input.messages()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", message.role());
            entry.put("content", message.content() == null ? "" : message.content());
            messages.add(entry);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        if (input.state().isObject()) {
            state.putAll(Json.mapper().convertValue(input.state(), MAP));
        }
        state.put("messages", messages);
        state.put("thread_id", input.threadId());
        RunnableConfig config =
                RunnableConfig.builder().threadId(input.threadId()).build();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loaded.loader());
        AgentState last = null;
        try {
            for (NodeOutput<? extends AgentState> output : graph.stream(state, config)) {
                last = output.state();
                if (!output.isSTART() && !output.isEND()) {
                    sink.emit(new AgUiEvent.StepStarted(output.node()));
                    sink.emit(new AgUiEvent.StepFinished(output.node()));
                }
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (last != null) {
            emitNewAssistantMessages(last, messages.size(), sink);
            emitState(last, sink);
        }
    }

    /**
     * Reports the graph's channels but {@code messages} and {@code thread_id} as a state snapshot, which the run
     * pipeline keeps with the thread and hands back as the next run's state. Values JSON cannot hold are left out.
     */
    private static void emitState(AgentState state, EventSink sink) {
        ObjectNode snapshot = Json.object();
        state.data().forEach((key, value) -> {
            if (!key.equals("messages") && !key.equals("thread_id")) {
                try {
                    snapshot.set(key, Json.mapper().valueToTree(value));
                } catch (IllegalArgumentException e) {
                    LOG.warn(
                            "Graph channel '{}' holds a {} that JSON cannot hold; it is not kept",
                            key,
                            value.getClass());
                }
            }
        });
        if (!snapshot.isEmpty()) {
            sink.emit(new AgUiEvent.StateSnapshot(snapshot));
        }
    }

    private static void emitNewAssistantMessages(AgentState state, int inputCount, EventSink sink) {
        Object value = state.data().get("messages");
        if (!(value instanceof List<?> all)) {
            return;
        }
        for (Object message : all.subList(Math.min(inputCount, all.size()), all.size())) {
            String text = assistantText(message);
            if (text != null) {
                String messageId = UUID.randomUUID().toString();
                sink.emit(new AgUiEvent.TextMessageStart(messageId, "assistant"));
                sink.emit(new AgUiEvent.TextMessageContent(messageId, text));
                sink.emit(new AgUiEvent.TextMessageEnd(messageId));
            }
        }
    }

    /** The content of an assistant message (a map with role and content, or a plain string), else null. */
    private static String assistantText(Object message) {
        if (message instanceof String text) {
            return text.isEmpty() ? null : text;
        }
        if (message instanceof Map<?, ?> map && "assistant".equals(String.valueOf(map.get("role")))) {
            Object content = map.get("content");
            return content == null || content.toString().isEmpty() ? null : content.toString();
        }
        return null;
    }

    @Override
    public void close() {
        loaded.close();
    }
}
