package dev.idun.engine.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.EngineConfig;
import dev.idun.config.agent.AgentConfig;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EchoAgent;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.memory.ConversationMemory;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcTraceWriterTest {

    /** A database that never hands out a connection until released: every write waits. */
    private static final class StuckDatabase implements DataSource {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Connection getConnection() throws SQLException {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("the database is stuck");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    @Test
    void runs_answer_on_time_while_the_trace_writer_is_stuck_and_the_runs_it_cannot_take_are_counted() {
        StuckDatabase database = new StuckDatabase();
        JdbcTraceWriter writer = new JdbcTraceWriter(database, 3);
        RunPipeline pipeline = new RunPipeline(
                new RuntimeHolder(
                        new LiveRuntime(EngineConfig.ofAgent(AgentConfig.starter()), 1, new EchoAgent(), List.of()),
                        Duration.ofSeconds(1)),
                ConversationMemory.inProcess(),
                writer);

        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            List<AgUiEvent> events = new ArrayList<>();
            RunInput input = new RunInput("t", "r" + i, List.of(new ChatMessage("m" + i, "user", "hi " + i)));
            pipeline.run(pipeline.begin(), input, events::add);
            assertThat(events.get(events.size() - 1)).isInstanceOf(AgUiEvent.RunFinished.class);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        TraceWriterStats stats = writer.stats();
        assertThat(stats.accepted() + stats.dropped()).isEqualTo(40);
        assertThat(stats.dropped()).isGreaterThanOrEqualTo(40 - 3 - JdbcTraceWriter.BATCH);
        assertThat(stats.dropped()).isGreaterThanOrEqualTo(30);
        assertThat(stats.written()).isZero();
        database.release.countDown();
        writer.close(Duration.ofSeconds(5));
    }
}
