package dev.idun.engine.traces;

/**
 * Counters of the trace writer: runs accepted into the queue, written to the database, dropped because the queue was
 * full (or the writer closed), and lost because a write failed; {@code queued} is the queue's current size.
 */
public record TraceWriterStats(long accepted, long written, long dropped, long failed, int queued, int capacity) {}
