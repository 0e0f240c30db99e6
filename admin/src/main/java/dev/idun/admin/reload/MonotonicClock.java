package dev.idun.admin.reload;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Wall-clock time in milliseconds that never repeats or goes back, so creation order is list order. */
public final class MonotonicClock {
    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public MonotonicClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        long now = clock.millis();
        return Instant.ofEpochMilli(last.updateAndGet(previous -> Math.max(previous + 1, now)));
    }
}
