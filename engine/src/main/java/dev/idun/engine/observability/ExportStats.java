package dev.idun.engine.observability;

/**
 * Counters of one runtime's span export: spans handed to the exporter and accepted by the collector, dropped because
 * the queue was full, and lost because an export failed or timed out; {@code queued} is the queue's current size.
 */
public record ExportStats(String provider, String endpoint, long exported, long dropped, long failed, int queued) {}
