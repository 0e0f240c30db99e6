package dev.idun.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginRateLimiter limiter = new LoginRateLimiter(clock);

    private void fail(String client, int times) {
        for (int i = 0; i < times; i++) {
            limiter.recordFailure(client);
        }
    }

    @Test
    void lets_a_client_try_until_its_fifth_failure() {
        fail("10.0.0.1", 4);
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();

        limiter.recordFailure("10.0.0.1");

        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofMinutes(5));
        assertThat(limiter.blockedFor("10.0.0.2")).isEmpty();
    }

    @Test
    void counts_down_the_wait_and_frees_the_client_when_the_window_has_passed() {
        fail("10.0.0.1", 5);
        clock.advance(Duration.ofSeconds(100).plusMillis(300));

        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(200));

        clock.advance(Duration.ofSeconds(200));
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
        assertThat(limiter.trackedClients()).isZero();
    }

    @Test
    void forgets_failures_older_than_the_window() {
        fail("10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(4));
        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();

        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void starts_over_after_a_reset() {
        fail("10.0.0.1", 4);
        limiter.reset("10.0.0.1");
        fail("10.0.0.1", 4);

        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void never_tracks_more_clients_than_its_bound() {
        LoginRateLimiter small = new LoginRateLimiter(clock, 5, Duration.ofMinutes(5), 3);
        for (int i = 0; i < 5; i++) {
            small.recordFailure("old");
        }
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            small.recordFailure("client-" + i);
            assertThat(small.trackedClients()).isLessThanOrEqualTo(3);
        }
        assertThat(small.blockedFor("client-99")).isEmpty();
        assertThat(small.trackedClients()).isEqualTo(3);
    }
}
