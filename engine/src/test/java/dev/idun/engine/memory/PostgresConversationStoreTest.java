package dev.idun.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.engine.agent.ChatMessage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresConversationStoreTest extends ConversationStoreSuite {
    static EmbeddedPostgres postgres;
    static int databases;

    @BeforeAll
    static void startPostgres() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    ConversationStore newStore(Clock clock) {
        String name = "memory_" + (++databases);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return JdbcConversationStore.open(
                "postgresql://postgres:secret@localhost:" + postgres.getPort() + "/" + name, clock);
    }

    @Test
    void concurrent_appends_to_one_thread_keep_every_message() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "m" + i;
            done.add(pool.submit(() -> store.append("t", List.of(new ChatMessage(id, "user", id)))));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(store.messages("t")).hasSize(8);
    }
}
