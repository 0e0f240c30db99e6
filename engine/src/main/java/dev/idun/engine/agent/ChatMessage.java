package dev.idun.engine.agent;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation as the agent sees it (the AG-UI message shape): {@code role} is {@code user},
 * {@code assistant}, {@code system}, {@code developer} or {@code tool}; an assistant message may carry tool calls,
 * a tool message answers the call {@code toolCallId}.
 */
public record ChatMessage(String id, String role, String content, List<ToolCall> toolCalls, String toolCallId) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public ChatMessage(String id, String role, String content) {
        this(id, role, content, List.of(), null);
    }

    /** A call of a tool by the assistant: its id, the tool's name and the arguments as JSON text. */
    public record ToolCall(String id, String name, String arguments) {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            arguments = arguments == null ? "{}" : arguments;
        }
    }
}
