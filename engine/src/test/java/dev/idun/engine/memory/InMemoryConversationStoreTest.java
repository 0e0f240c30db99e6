package dev.idun.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.engine.agent.ChatMessage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryConversationStoreTest extends ConversationStoreSuite {
    @Override
    ConversationStore newStore(Clock clock) {
        return new InMemoryConversationStore(3, 4, clock);
    }

    @Override
    ConversationStore roomyStore(Clock clock) {
        return new InMemoryConversationStore(100, 1_000, clock);
    }

    @Test
    void drops_the_least_recently_used_thread_beyond_the_bound() {
        for (String id : List.of("a", "b", "c")) {
            store.append(id, List.of(new ChatMessage("m", "user", id)));
        }
        store.messages("a");
        store.append("d", List.of(new ChatMessage("m", "user", "d")));

        assertThat(store.threads()).extracting(ThreadSummary::id).containsExactlyInAnyOrder("a", "c", "d");
    }

    @Test
    void keeps_the_last_messages_of_a_long_thread() {
        for (int i = 1; i <= 6; i++) {
            store.append("t", List.of(new ChatMessage("m" + i, "user", "n" + i)));
        }

        assertThat(store.messages("t")).extracting(ChatMessage::id).containsExactly("m3", "m4", "m5", "m6");
    }
}
