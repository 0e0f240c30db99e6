package dev.idun.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.engine.agent.ChatMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteConversationStoreTest extends ConversationStoreSuite {
    @TempDir
    static Path dir;

    @Override
    ConversationStore newStore(Clock clock) {
        return JdbcConversationStore.open("sqlite:///" + dir.resolve("memory-" + System.nanoTime() + ".db"), clock);
    }

    @Test
    void history_survives_reopening_the_file() {
        String url = "sqlite:///" + dir.resolve("reopened.db");
        try (ConversationStore first = JdbcConversationStore.open(url, clock)) {
            first.append("t", List.of(new ChatMessage("u1", "user", "remember me")));
        }
        try (ConversationStore second = JdbcConversationStore.open(url, clock)) {
            assertThat(second.messages("t")).extracting(ChatMessage::content).containsExactly("remember me");
        }
    }
}
