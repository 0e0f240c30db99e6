package dev.idun.channels.googlechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoogleChatEventTest {
    @Test
    void reads_a_chat_app_message_and_prefers_argument_text() {
        GoogleChatEvent event = GoogleChatEvent.parse("""
                {"type":"MESSAGE","message":{"name":"spaces/AAAA/messages/m1","text":"@Bot do stuff",
                  "argumentText":" do stuff ","sender":{"name":"users/12345","type":"HUMAN"},
                  "space":{"name":"spaces/AAAA"},"thread":{"name":"spaces/AAAA/threads/t1"}},
                 "space":{"name":"spaces/AAAA"}}
                """);
        assertThat(event.answerable()).isTrue();
        assertThat(event.text()).isEqualTo("do stuff");
        assertThat(event.messageName()).isEqualTo("spaces/AAAA/messages/m1");
        assertThat(event.spaceName()).isEqualTo("spaces/AAAA");
        assertThat(event.threadName()).isEqualTo("spaces/AAAA/threads/t1");
        assertThat(event.conversationKey()).isEqualTo("users/12345");
    }

    @Test
    void reads_a_workspace_add_on_message() {
        GoogleChatEvent event = GoogleChatEvent.parse("""
                {"chat":{"user":{"name":"users/7"},"eventTime":"2026-03-01T12:00:00Z",
                  "messagePayload":{"space":{"name":"spaces/BBBB"},
                    "message":{"name":"spaces/BBBB/messages/m2","text":"Hello agent",
                      "sender":{"name":"users/7","type":"HUMAN"},"thread":{"name":"spaces/BBBB/threads/t2"}}}}}
                """);
        assertThat(event.type()).isEqualTo(GoogleChatEvent.MESSAGE);
        assertThat(event.answerable()).isTrue();
        assertThat(event.text()).isEqualTo("Hello agent");
        assertThat(event.spaceName()).isEqualTo("spaces/BBBB");
        assertThat(event.threadName()).isEqualTo("spaces/BBBB/threads/t2");
    }

    @Test
    void derives_the_add_on_event_type_of_space_membership_changes() {
        assertThat(GoogleChatEvent.parse("{\"chat\":{\"addedToSpacePayload\":{\"space\":{\"name\":\"spaces/C\"}}}}")
                        .type())
                .isEqualTo(GoogleChatEvent.ADDED_TO_SPACE);
        GoogleChatEvent removed = GoogleChatEvent.parse("{\"chat\":{\"removedFromSpacePayload\":{}}}");
        assertThat(removed.type()).isEqualTo(GoogleChatEvent.REMOVED_FROM_SPACE);
        assertThat(removed.answerable()).isFalse();
    }

    @Test
    void does_not_answer_bots_nor_messages_without_space_or_text() {
        assertThat(GoogleChatEvent.parse(
                                "{\"type\":\"MESSAGE\",\"message\":{\"name\":\"m\",\"text\":\"hi\",\"space\":{\"name\":\"spaces/A\"},\"sender\":{\"type\":\"BOT\"}}}")
                        .answerable())
                .isFalse();
        assertThat(GoogleChatEvent.parse("{\"type\":\"MESSAGE\",\"message\":{\"name\":\"m\",\"text\":\"hi\"}}")
                        .answerable())
                .isFalse();
        GoogleChatEvent empty = GoogleChatEvent.parse(
                "{\"type\":\"MESSAGE\",\"message\":{\"name\":\"m\",\"text\":\" \",\"space\":{\"name\":\"spaces/A\"}}}");
        assertThat(empty.answerable()).isFalse();
        assertThat(empty.conversationKey()).isEqualTo("unknown");
    }

    @Test
    void refuses_a_body_that_is_not_a_json_object() {
        assertThatThrownBy(() -> GoogleChatEvent.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoogleChatEvent.parse("{")).isInstanceOf(IllegalArgumentException.class);
    }
}
