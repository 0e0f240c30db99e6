package dev.idun.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.EngineConfig;
import dev.idun.config.agent.AgentConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RuntimeHolderTest {
    static final class ClosableAgent implements Agent {
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void run(RunInput input, EventSink sink) {}

        @Override
        public void close() {
            closed.countDown();
        }
    }

    private static LiveRuntime runtime(Agent agent, long version) {
        return new LiveRuntime(EngineConfig.ofAgent(AgentConfig.starter()), version, agent, List.of());
    }

    @Test
    void a_replaced_runtime_closes_only_after_its_last_run() throws Exception {
        ClosableAgent old = new ClosableAgent();
        try (RuntimeHolder holder = new RuntimeHolder(runtime(old, 1), Duration.ofSeconds(30))) {
            LiveRuntime.Lease running = holder.acquire();

            holder.swap(runtime(new ClosableAgent(), 2));

            assertThat(holder.current().configVersion()).isEqualTo(2);
            try (LiveRuntime.Lease next = holder.acquire()) {
                assertThat(next.runtime().configVersion()).isEqualTo(2);
            }
            assertThat(old.closed.await(200, TimeUnit.MILLISECONDS)).isFalse();
            running.close();
            assertThat(old.closed.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void a_stuck_run_does_not_keep_a_replaced_runtime_open_past_the_drain_time() throws Exception {
        ClosableAgent old = new ClosableAgent();
        try (RuntimeHolder holder = new RuntimeHolder(runtime(old, 1), Duration.ofMillis(100))) {
            holder.acquire();
            holder.swap(runtime(new ClosableAgent(), 2));
            assertThat(old.closed.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closing_the_holder_closes_the_live_runtime() throws Exception {
        ClosableAgent agent = new ClosableAgent();
        new RuntimeHolder(runtime(agent, 1), Duration.ofSeconds(1)).close();
        assertThat(agent.closed.await(1, TimeUnit.SECONDS)).isTrue();
    }
}
