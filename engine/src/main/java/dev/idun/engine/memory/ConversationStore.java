package dev.idun.engine.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.engine.agent.ChatMessage;
import java.util.List;
import java.util.Optional;

/**
 * Where the conversation history of the agent's threads is kept. Messages of a thread keep the order they were
 * appended in; a message whose id the thread already holds is not stored twice. Implementations are thread-safe.
 */
public interface ConversationStore extends AutoCloseable {
    /** The messages of a thread in order; empty for a thread never seen. */
    List<ChatMessage> messages(String threadId);

    /** Appends messages (each with an id) to a thread, skipping ids the thread already holds. */
    void append(String threadId, List<ChatMessage> messages);

    /** The last state the agent reported for a thread (its last {@code STATE_SNAPSHOT}), if any. */
    Optional<JsonNode> state(String threadId);

    /** Replaces the state kept for a thread. */
    void saveState(String threadId, JsonNode state);

    /** Every thread, most recently updated first. */
    List<ThreadSummary> threads();

    /** One thread's messages, or empty when the thread holds none. */
    default Optional<List<ChatMessage>> thread(String threadId) {
        List<ChatMessage> messages = messages(threadId);
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages);
    }

    @Override
    default void close() {}
}
