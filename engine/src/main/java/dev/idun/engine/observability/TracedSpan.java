package dev.idun.engine.observability;

import java.util.Map;
import java.util.Objects;

/**
 * One finished span of a run (the run itself, a model call, a tool call): ids in lower-case hex, times in epoch
 * nanoseconds, status {@code OK}, {@code ERROR} or {@code UNSET}, and its attributes (strings, numbers, booleans).
 */
public record TracedSpan(
        String spanId,
        String parentSpanId,
        String name,
        long startEpochNanos,
        long endEpochNanos,
        String status,
        String statusMessage,
        Map<String, Object> attributes) {
    public TracedSpan {
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        attributes = Map.copyOf(attributes);
    }

    /** A numeric attribute as a long, or 0 when absent. */
    public long longAttribute(String key) {
        return attributes.get(key) instanceof Number number ? number.longValue() : 0;
    }
}
