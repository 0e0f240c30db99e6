package dev.idun.engine.observability;

import java.util.List;
import java.util.Objects;

/**
 * Everything recorded of one finished run: which thread and run it was, the OpenTelemetry trace id of its spans, a
 * title (the start of the user's last message), when it started and ended (epoch ms), how it ended ({@link #STATUSES}),
 * the tokens its model calls used, its events (at most a bounded number; {@code droppedEvents} counts the rest) and
 * its spans.
 */
public record RunTrace(
        String traceId,
        String threadId,
        String runId,
        String title,
        long startedAtMillis,
        long finishedAtMillis,
        String status,
        String errorMessage,
        long inputTokens,
        long outputTokens,
        int messageCount,
        int droppedEvents,
        List<TracedEvent> events,
        List<TracedSpan> spans) {
    public static final String FINISHED = "finished";
    public static final String ERROR = "error";
    public static final String BLOCKED = "blocked";
    public static final String INCOMPLETE = "incomplete";
    public static final List<String> STATUSES = List.of(FINISHED, ERROR, BLOCKED, INCOMPLETE);

    public RunTrace {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(runId, "runId");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown run status " + status);
        }
        events = List.copyOf(events);
        spans = List.copyOf(spans);
    }

    public long durationMillis() {
        return Math.max(0, finishedAtMillis - startedAtMillis);
    }
}
