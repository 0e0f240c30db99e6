package dev.idun.channels.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the channel machinery: {@code workers} agent runs at once across conversations, at most {@code
 * maxQueued} messages waiting or running, the outbound {@code retry} policy, whether message bodies go to the
 * delivery log, and how long shutdown waits for replies in flight.
 */
public record ChannelOptions(
        int workers, int maxQueued, RetryPolicy retry, boolean logMessageBodies, Duration shutdownWait) {
    public static final ChannelOptions DEFAULT =
            new ChannelOptions(8, 1000, RetryPolicy.DEFAULT, false, Duration.ofSeconds(10));

    public ChannelOptions {
        if (workers < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("workers and maxQueued must be at least 1");
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(shutdownWait, "shutdownWait");
    }
}
