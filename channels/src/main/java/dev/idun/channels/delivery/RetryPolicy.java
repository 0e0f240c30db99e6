package dev.idun.channels.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How an outbound part is retried on 429, 5xx and network failures: at most {@code maxAttempts} attempts; before
 * attempt n+1 it waits the provider's {@code Retry-After} when given (up to {@code maxRetryAfter}; a longer wait is
 * not worth holding the reply for, so the part fails), else {@code baseDelay * 2^(n-1)} capped at {@code maxDelay},
 * with full jitter in its upper half.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** The same policy with another base delay (and a max delay at least as long). */
    public RetryPolicy withBaseDelay(Duration value) {
        return new RetryPolicy(maxAttempts, value, maxDelay.compareTo(value) < 0 ? value : maxDelay, maxRetryAfter);
    }

    /**
     * The wait before the attempt after {@code attempt} (1-based), or empty when the provider asks for a wait longer
     * than {@link #maxRetryAfter}.
     */
    Optional<Duration> delayAfter(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(asked);
        }
        long base = baseDelay.toMillis();
        long exponential = base << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(exponential, 0), maxDelay.toMillis());
        long half = capped / 2;
        long jittered = half + (capped - half == 0 ? 0 : random.nextLong(capped - half + 1));
        return Optional.of(Duration.ofMillis(jittered));
    }
}
