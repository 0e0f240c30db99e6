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

    @Test
    void a_run_sees_the_most_recent_window_of_a_long_thread_and_appends_stay_deduplicated() {
        try (ConversationStore store = newStore(clock)) {
            List<ChatMessage> many = new java.util.ArrayList<>();
            for (int i = 0; i < JdbcConversationStore.HISTORY_WINDOW + 100; i++) {
                many.add(new ChatMessage("m" + i, i % 2 == 0 ? "user" : "assistant", "message " + i));
            }
            store.append("long", many);
            store.append("long", List.of(new ChatMessage("m0", "user", "resent"), new ChatMessage("new", "user", "x")));

            List<ChatMessage> seen = store.messages("long");

            assertThat(seen).hasSize(JdbcConversationStore.HISTORY_WINDOW);
            assertThat(seen.get(0).id()).isEqualTo("m101");
            assertThat(seen.get(seen.size() - 1).id()).isEqualTo("new");
            assertThat(store.threads())
                    .anySatisfy(
                            t -> assertThat(t.messageCount()).isEqualTo(JdbcConversationStore.HISTORY_WINDOW + 101));
        }
    }
}
