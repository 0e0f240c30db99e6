package dev.idun.engine.memory;

import dev.idun.config.agent.MemoryConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the conversation store for a memory config: with no memory config, the server's own store; {@code memory},
 * one bounded in-process store; {@code sqlite} and {@code postgres}, a store on that database. A store is opened on
 * first use and kept for the life of this object, so that a reload with the same memory config keeps the history
 * (also the in-process one). Thread-safe; closing closes every store it opened.
 */
public final class ConversationMemory implements AutoCloseable {
    private final ConversationStore serverStore;
    private final Clock clock;
    private final Map<MemoryConfig, ConversationStore> opened = new HashMap<>();

    public ConversationMemory(ConversationStore serverStore, Clock clock) {
        this.serverStore = Objects.requireNonNull(serverStore, "serverStore");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** In-process history only, for embedders without a database. */
    public static ConversationMemory inProcess() {
        return new ConversationMemory(new InMemoryConversationStore(), Clock.systemUTC());
    }

    /** The store for {@code config} ({@code null}: no memory configured). */
    public synchronized ConversationStore storeFor(MemoryConfig config) {
        if (config == null) {
            return serverStore;
        }
        ConversationStore store = opened.get(config);
        if (store == null) {
            store = switch (config.type()) {
                case MEMORY ->
                    new InMemoryConversationStore(
                            InMemoryConversationStore.DEFAULT_MAX_THREADS,
                            InMemoryConversationStore.DEFAULT_MAX_MESSAGES,
                            clock);
                case SQLITE, POSTGRES -> JdbcConversationStore.open(config.dbUrl(), clock);
            };
            opened.put(config, store);
        }
        return store;
    }

    /** The name of the backend serving {@code config}: {@code server}, {@code memory}, {@code sqlite} or {@code postgres}. */
    public static String backendName(MemoryConfig config) {
        return config == null ? "server" : config.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public synchronized void close() {
        opened.values().forEach(ConversationStore::close);
        opened.clear();
    }
}
