package dev.idun.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.engine.agent.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationMergeTest {
    static final ChatMessage HI = new ChatMessage("u1", "user", "hi");
    static final ChatMessage ECHO = new ChatMessage("a1", "assistant", "Echo: hi");
    static final ChatMessage AGAIN = new ChatMessage("u2", "user", "again");

    @Test
    void a_resent_whole_conversation_adds_only_the_new_message() {
        ConversationMerge merge = ConversationMerge.of(List.of(HI, ECHO), List.of(HI, ECHO, AGAIN));

        assertThat(merge.conversation()).containsExactly(HI, ECHO, AGAIN);
        assertThat(merge.added()).containsExactly(AGAIN);
    }

    @Test
    void only_the_new_message_is_appended_after_the_stored_history() {
        ConversationMerge merge = ConversationMerge.of(List.of(HI, ECHO), List.of(AGAIN));

        assertThat(merge.conversation()).containsExactly(HI, ECHO, AGAIN);
        assertThat(merge.added()).containsExactly(AGAIN);
    }

    @Test
    void messages_without_an_id_are_new_and_get_one() {
        ConversationMerge merge = ConversationMerge.of(
                List.of(HI), List.of(new ChatMessage(null, "user", "hi"), new ChatMessage("", "user", "two")));

        assertThat(merge.added()).hasSize(2);
        assertThat(merge.added()).allSatisfy(m -> assertThat(m.id()).isNotBlank());
        assertThat(merge.added().get(0).id()).isNotEqualTo(merge.added().get(1).id());
        assertThat(merge.conversation()).extracting(ChatMessage::content).containsExactly("hi", "hi", "two");
    }

    @Test
    void an_id_sent_twice_in_one_request_is_kept_once() {
        ConversationMerge merge = ConversationMerge.of(List.of(), List.of(AGAIN, AGAIN));

        assertThat(merge.added()).containsExactly(AGAIN);
    }

    @Test
    void an_empty_history_keeps_the_incoming_order() {
        ConversationMerge merge = ConversationMerge.of(List.of(), List.of(HI, ECHO, AGAIN));

        assertThat(merge.conversation()).containsExactly(HI, ECHO, AGAIN);
        assertThat(merge.added()).containsExactly(HI, ECHO, AGAIN);
    }
}
