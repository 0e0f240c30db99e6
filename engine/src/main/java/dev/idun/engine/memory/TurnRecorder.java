package dev.idun.engine.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agui.AgUiEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Passes a run's events on and writes down what the agent said: assistant text by message id, its tool calls (with
 * their streamed arguments) and tool results, in the order they began. Used by one run at a time.
 */
public final class TurnRecorder implements EventSink {
    private final EventSink next;
    private final Map<String, Assistant> assistants = new LinkedHashMap<>();
    private final Map<String, StringBuilder> toolArguments = new LinkedHashMap<>();
    private final List<Object> order = new ArrayList<>();
    private JsonNode state;

    public TurnRecorder(EventSink next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void emit(AgUiEvent event) {
        record(event);
        next.emit(event);
    }

    private void record(AgUiEvent event) {
        if (event instanceof AgUiEvent.TextMessageStart start) {
            assistant(start.messageId());
        } else if (event instanceof AgUiEvent.TextMessageContent content) {
            assistant(content.messageId()).text.append(content.delta());
        } else if (event instanceof AgUiEvent.ToolCallStart start) {
            String parent = start.parentMessageId() != null
                    ? start.parentMessageId()
                    : UUID.randomUUID().toString();
            toolArguments.put(start.toolCallId(), new StringBuilder());
            assistant(parent).calls.add(new String[] {start.toolCallId(), start.toolCallName()});
        } else if (event instanceof AgUiEvent.ToolCallArgs args) {
            toolArguments
                    .computeIfAbsent(args.toolCallId(), id -> new StringBuilder())
                    .append(args.delta());
        } else if (event instanceof AgUiEvent.StateSnapshot snapshot) {
            state = snapshot.snapshot();
        } else if (event instanceof AgUiEvent.ToolCallResult result) {
            order.add(new ChatMessage(
                    result.messageId() != null
                            ? result.messageId()
                            : UUID.randomUUID().toString(),
                    "tool",
                    result.content(),
                    List.of(),
                    result.toolCallId()));
        }
    }

    private Assistant assistant(String messageId) {
        return assistants.computeIfAbsent(messageId, id -> {
            Assistant assistant = new Assistant(id);
            order.add(assistant);
            return assistant;
        });
    }

    /** What the agent said so far, as messages to store. */
    public List<ChatMessage> messages() {
        List<ChatMessage> messages = new ArrayList<>();
        for (Object item : order) {
            if (item instanceof ChatMessage message) {
                messages.add(message);
            } else {
                Assistant assistant = (Assistant) item;
                List<ChatMessage.ToolCall> calls = new ArrayList<>();
                for (String[] call : assistant.calls) {
                    StringBuilder args = toolArguments.get(call[0]);
                    calls.add(new ChatMessage.ToolCall(
                            call[0], call[1], args == null || args.length() == 0 ? "{}" : args.toString()));
                }
                if (assistant.text.length() > 0 || !calls.isEmpty()) {
                    messages.add(new ChatMessage(assistant.id, "assistant", assistant.text.toString(), calls, null));
                }
            }
        }
        return messages;
    }

    /** The last state snapshot of this run, if the agent sent one. */
    public Optional<JsonNode> state() {
        return Optional.ofNullable(state);
    }

    /** The assistant's text of this run, all messages joined. */
    public String text() {
        StringBuilder text = new StringBuilder();
        assistants.values().forEach(assistant -> text.append(assistant.text));
        return text.toString();
    }

    private static final class Assistant {
        final String id;
        final StringBuilder text = new StringBuilder();
        final List<String[]> calls = new ArrayList<>();

        Assistant(String id) {
            this.id = id;
        }
    }
}
