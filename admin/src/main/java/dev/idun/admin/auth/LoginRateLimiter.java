package dev.idun.admin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts failed password attempts per client address in a sliding window: once a client has {@code maxFailures}
 * failures within the window, every attempt is refused (right password or not) until the oldest of them leaves the
 * window. Memory is bounded: clients with no failure in the window are dropped, and past {@code maxClients} the least
 * recently seen client is forgotten. In memory, so per instance. Thread-safe.
 */
public final class LoginRateLimiter {
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    static final int DEFAULT_MAX_CLIENTS = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final int maxClients;
    private final LinkedHashMap<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

    public LoginRateLimiter(Clock clock) {
        this(clock, DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_MAX_CLIENTS);
    }

    public LoginRateLimiter(Clock clock, int maxFailures, Duration window, int maxClients) {
        this.clock = Objects.requireNonNull(clock);
        if (maxFailures < 1 || maxClients < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("Rate limits must be positive.");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxClients = maxClients;
    }

    /** How long {@code client} must wait before its next attempt (at least a second); empty when it may try now. */
    public synchronized Optional<Duration> blockedFor(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return Optional.empty();
        }
        prune(times, now);
        if (times.isEmpty()) {
            failures.remove(client);
            return Optional.empty();
        }
        if (times.size() < maxFailures) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(window));
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    public synchronized void recordFailure(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(client, key -> new ArrayDeque<>());
        prune(times, now);
        times.addLast(now);
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
        evict(now);
    }

    /** Forgets the failures of a client that has just proved it knows the password. */
    public synchronized void reset(String client) {
        failures.remove(client);
    }

    synchronized int trackedClients() {
        return failures.size();
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
            times.removeFirst();
        }
    }

    private void evict(Instant now) {
        if (failures.size() <= maxClients) {
            return;
        }
        Iterator<Map.Entry<String, Deque<Instant>>> entries =
                failures.entrySet().iterator();
        while (entries.hasNext()) {
            Deque<Instant> times = entries.next().getValue();
            prune(times, now);
            if (times.isEmpty()) {
                entries.remove();
            }
        }
        entries = failures.entrySet().iterator();
        while (failures.size() > maxClients && entries.hasNext()) {
            entries.next();
            entries.remove();
        }
    }
}
