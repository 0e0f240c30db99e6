package dev.idun.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Objects;

/**
 * What one agent run receives (the AG-UI {@code RunAgentInput}): the thread it belongs to, its id, the conversation
 * so far, the tools the client provides (a call to one of them ends the run; the client answers in its next run),
 * the client's state and forwarded properties.
 */
public record RunInput(
        String threadId,
        String runId,
        List<ChatMessage> messages,
        List<ToolSpec> tools,
        JsonNode state,
        JsonNode forwardedProps) {
    public RunInput {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(runId, "runId");
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        state = state == null ? NullNode.getInstance() : state.deepCopy();
        forwardedProps = forwardedProps == null ? NullNode.getInstance() : forwardedProps.deepCopy();
    }

    public RunInput(String threadId, String runId, List<ChatMessage> messages) {
        this(threadId, runId, messages, List.of(), null, null);
    }

    public RunInput withMessages(List<ChatMessage> value) {
        return new RunInput(threadId, runId, value, tools, state, forwardedProps);
    }

    public RunInput withState(JsonNode value) {
        return new RunInput(threadId, runId, messages, tools, value, forwardedProps);
    }

    /** Whether the client sent a state: an object with at least one field. */
    public boolean hasState() {
        return state.isObject() && !state.isEmpty();
    }

    /** The text of the last user message, or an empty string. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
