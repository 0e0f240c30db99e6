package dev.idun.engine.agent;

import dev.idun.engine.agui.AgUiEvent;
import java.util.List;
import java.util.UUID;

/**
 * Tools the server runs itself (the MCP servers' tools): the model of a {@code LANGCHAIN4J} agent may call them
 * during a run and gets their results back in the same run; {@code CUSTOM} and {@code LANGGRAPH} agents receive the
 * runtime's registry when they are built and call them with {@link #call}. Implementations are thread-safe.
 */
public interface ToolRegistry {
    /** The tools offered to the model. */
    List<ToolSpec> tools();

    /** Whether {@code name} is one of {@link #tools()}. */
    default boolean provides(String name) {
        return tools().stream().anyMatch(t -> t.name().equals(name));
    }

    /** Runs tool {@code name} with its arguments as JSON text and returns the result text; throws on failure. */
    String execute(String name, String arguments) throws Exception;

    /**
     * Runs a tool as part of a run and reports it on the run's stream ({@code TOOL_CALL_START}, {@code _ARGS},
     * {@code _END}, then {@code TOOL_CALL_RESULT} with the result, or with {@code "Error: ..."} when the tool failed,
     * which is also what this returns).
     */
    default String call(String name, String arguments, EventSink sink) {
        String callId = "call_" + UUID.randomUUID();
        String args = arguments == null || arguments.isBlank() ? "{}" : arguments;
        sink.emit(new AgUiEvent.ToolCallStart(callId, name, null));
        sink.emit(new AgUiEvent.ToolCallArgs(callId, args));
        sink.emit(new AgUiEvent.ToolCallEnd(callId));
        String result;
        try {
            result = execute(name, args);
        } catch (Exception e) {
            result = "Error: tool '" + name + "' failed: " + e.getMessage();
        }
        sink.emit(new AgUiEvent.ToolCallResult(UUID.randomUUID().toString(), callId, result));
        return result;
    }

    /** A registry without tools. */
    static ToolRegistry empty() {
        return new ToolRegistry() {
            @Override
            public List<ToolSpec> tools() {
                return List.of();
            }

            @Override
            public String execute(String name, String arguments) {
                throw new IllegalArgumentException("Unknown tool '" + name + "'");
            }
        };
    }
}
