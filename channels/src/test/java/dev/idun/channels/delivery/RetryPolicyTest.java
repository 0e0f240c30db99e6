package dev.idun.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));
    private final Random random = new Random(7);

    @Test
    void backs_off_exponentially_with_jitter_in_the_upper_half_up_to_the_cap() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long full = Math.min(100L << (attempt - 1), 1000);
            for (int i = 0; i < 50; i++) {
                long wait = policy.delayAfter(attempt, Optional.empty(), random)
                        .orElseThrow()
                        .toMillis();
                assertThat(wait).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void honours_the_wait_the_provider_asks_for() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(3)), random))
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void gives_up_when_the_provider_asks_for_too_long_a_wait() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMinutes(5)), random))
                .isEmpty();
    }
}
