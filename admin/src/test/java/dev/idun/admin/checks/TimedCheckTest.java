package dev.idun.admin.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimedCheckTest {
    @Test
    void returns_what_the_probe_answers() {
        ConnectionCheck check = new TimedCheck("memory", Duration.ofSeconds(5))
                .run(() -> ConnectionCheck.ok(Json.object().put("backend", "in-memory")));

        assertThat(Json.write(check.toJson()))
                .isEqualTo("{\"ok\":true,\"details\":{\"backend\":\"in-memory\"},\"error\":null}");
    }

    @Test
    void a_slow_probe_ends_in_a_structured_timeout() {
        long start = System.nanoTime();
        ConnectionCheck check = new TimedCheck("memory", Duration.ofMillis(200)).run(() -> {
            Thread.sleep(10_000);
            return ConnectionCheck.ok(null);
        });

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).isEqualTo("memory check timed out after 0.2s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_throwing_probe_is_an_unexpected_failure_on_one_line() {
        ConnectionCheck check = new TimedCheck("observability", Duration.ofSeconds(5)).run(() -> {
            throw new IllegalStateException("line one\nline two ");
        });

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).isEqualTo("unexpected failure: IllegalStateException: line one line two");
        assertThat(check.toJson().get("details").isNull()).isTrue();
    }
}
