package dev.idun.admin.traces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the trace retention period: {@link #purge()} deletes the runs (with their events and spans) that started
 * more than {@code days} days before the clock's now. The server calls it at start and then every hour from a
 * background thread. Thread-safe.
 */
public final class TraceRetention {
    private static final Logger LOG = LoggerFactory.getLogger(TraceRetention.class);

    private final Jdbi jdbi;
    private final TraceStore store;
    private final Clock clock;
    private final Duration keep;

    public TraceRetention(Jdbi jdbi, TraceStore store, Clock clock, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("retention days must be at least 1");
        }
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = Duration.ofDays(days);
    }

    /** Deletes what is older than the retention period; returns how many runs were deleted. */
    public int purge() {
        Instant cutoff = clock.instant().minus(keep);
        int deleted = jdbi.inTransaction(h -> store.deleteStartedBefore(h, cutoff));
        if (deleted > 0) {
            LOG.info("Trace retention deleted {} run(s) started before {}", deleted, cutoff);
        }
        return deleted;
    }

    /** As {@link #purge()}, logging a failure instead of throwing (for the background schedule). */
    public void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("Trace retention failed: {}", e.toString());
        }
    }
}
