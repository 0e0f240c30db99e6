package dev.idun.channels.delivery;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.ReplyTarget;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.integration.ProviderConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one reply part with retries ({@link RetryPolicy}). The integration's config is read from the live runtime
 * before every attempt: a credentials change applies to the next attempt, and a part whose integration was disabled
 * or removed meanwhile is not sent. Thread-safe.
 */
final class ReplySender {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);
    private final LiveIntegrations live;
    private final RetryPolicy policy;
    private final RandomGenerator random;

    ReplySender(LiveIntegrations live, RetryPolicy policy, RandomGenerator random) {
        this.live = Objects.requireNonNull(live, "live");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Lets the provider show that an answer is coming; a failure only costs that indicator. */
    <C extends ProviderConfig> void beforeRun(ChannelProvider<C> provider, String slug, ReplyTarget target) {
        Optional<C> config = live.config(provider, slug);
        if (config.isEmpty()) {
            return;
        }
        try {
            provider.beforeRun(config.get(), target);
        } catch (ProviderHttpException | RuntimeException e) {
            LOG.info("Integration {}: no typing indicator: {}", slug, e.getMessage());
        }
    }

    <C extends ProviderConfig> PartOutcome send(
            ChannelProvider<C> provider, String slug, ReplyTarget target, int index, String text) {
        for (int attempt = 1; ; attempt++) {
            Optional<C> config = live.config(provider, slug);
            if (config.isEmpty()) {
                return PartOutcome.failed(
                        attempt - 1, "The integration was disabled or removed before the reply was sent");
            }
            try {
                return PartOutcome.sent(attempt, provider.deliver(config.get(), target, index, text));
            } catch (ProviderHttpException e) {
                if (!e.retryable() || attempt >= policy.maxAttempts()) {
                    return PartOutcome.failed(attempt, e.getMessage());
                }
                Optional<Duration> delay = policy.delayAfter(attempt, e.retryAfter(), random);
                if (delay.isEmpty()) {
                    return PartOutcome.failed(
                            attempt,
                            e.getMessage() + " (asked to retry after "
                                    + e.retryAfter().orElseThrow().toSeconds() + " s, longer than the "
                                    + policy.maxRetryAfter().toSeconds() + " s allowed)");
                }
                if (!sleep(delay.get())) {
                    return PartOutcome.failed(attempt, e.getMessage() + " (not retried: shutting down)");
                }
            } catch (RuntimeException e) {
                return PartOutcome.failed(attempt, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
