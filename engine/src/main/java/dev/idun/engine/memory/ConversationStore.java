package dev.idun.engine.memory;

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
