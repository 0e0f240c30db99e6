package dev.idun.channels.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets at most one rejected request per integration per {@code interval} into the delivery log, so a flood of forged
 * requests cannot flood the database. Thread-safe.
 */
final class RejectionThrottle {
    private final Clock clock;
    private final long intervalMillis;
    private final Map<String, Long> last = new ConcurrentHashMap<>();

    RejectionThrottle(Clock clock, Duration interval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.intervalMillis = interval.toMillis();
    }

    boolean allow(String integration) {
        long now = clock.millis();
        boolean[] allowed = {false};
        last.compute(integration, (key, previous) -> {
            if (previous == null || now - previous >= intervalMillis) {
                allowed[0] = true;
                return now;
            }
            return previous;
        });
        return allowed[0];
    }
}
