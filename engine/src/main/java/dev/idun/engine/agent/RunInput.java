package dev.idun.engine.agent;

import java.util.List;
import java.util.Objects;

/** What one agent run receives: the thread it belongs to, its id, and the conversation so far. */
public record RunInput(String threadId, String runId, List<ChatMessage> messages) {
    public RunInput {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(runId, "runId");
        messages = List.copyOf(messages);
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
