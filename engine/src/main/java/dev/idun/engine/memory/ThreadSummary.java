package dev.idun.engine.memory;

import java.time.Instant;
import java.util.Objects;

/** One stored thread: its id, when it last changed, how many messages it holds and its first user message. */
public record ThreadSummary(String id, Instant lastUpdate, int messageCount, String preview) {
    public ThreadSummary {
        Objects.requireNonNull(id, "id");
    }
}
