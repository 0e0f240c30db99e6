package dev.idun.engine.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.engine.agent.ChatMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * History kept in this process only, bounded: the least recently used thread is dropped beyond {@code maxThreads},
 * and a thread keeps its last {@code maxMessages} messages. Thread-safe.
 */
public final class InMemoryConversationStore implements ConversationStore {
    public static final int DEFAULT_MAX_THREADS = 1_000;
    public static final int DEFAULT_MAX_MESSAGES = 500;

    private final int maxMessages;
    private final Clock clock;
    private final LinkedHashMap<String, StoredThread> threads;

    public InMemoryConversationStore(int maxThreads, int maxMessages, Clock clock) {
        if (maxThreads < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("maxThreads and maxMessages must be positive");
        }
        this.maxMessages = maxMessages;
        this.clock = clock;
        this.threads = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredThread> eldest) {
                return size() > maxThreads;
            }
        };
    }

    public InMemoryConversationStore() {
        this(DEFAULT_MAX_THREADS, DEFAULT_MAX_MESSAGES, Clock.systemUTC());
    }

    @Override
    public synchronized List<ChatMessage> messages(String threadId) {
        StoredThread thread = threads.get(threadId);
        return thread == null ? List.of() : List.copyOf(thread.messages);
    }

    @Override
    public synchronized void append(String threadId, List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        StoredThread thread = threads.computeIfAbsent(threadId, id -> new StoredThread());
        for (ChatMessage message : messages) {
            if (thread.messages.stream().noneMatch(m -> m.id().equals(message.id()))) {
                thread.messages.add(message);
            }
        }
        while (thread.messages.size() > maxMessages) {
            thread.messages.remove(0);
        }
        thread.lastUpdate = clock.instant();
    }

    @Override
    public synchronized Optional<JsonNode> state(String threadId) {
        StoredThread thread = threads.get(threadId);
        return thread == null ? Optional.empty() : Optional.ofNullable(thread.state);
    }

    @Override
    public synchronized void saveState(String threadId, JsonNode state) {
        threads.computeIfAbsent(threadId, id -> new StoredThread()).state = state.deepCopy();
    }

    @Override
    public synchronized List<ThreadSummary> threads() {
        List<ThreadSummary> summaries = new ArrayList<>();
        threads.forEach((id, thread) -> {
            if (!thread.messages.isEmpty()) {
                summaries.add(new ThreadSummary(
                        id, thread.lastUpdate, thread.messages.size(), Previews.firstUserText(thread.messages)));
            }
        });
        summaries.sort(Comparator.comparing(ThreadSummary::lastUpdate).reversed());
        return summaries;
    }

    private static final class StoredThread {
        final List<ChatMessage> messages = new ArrayList<>();
        Instant lastUpdate;
        JsonNode state;
    }
}
