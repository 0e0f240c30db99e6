package dev.idun.channels.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TeamsActivityTest {
    private static final String MESSAGE = """
            {"type":"message","id":"1712345","channelId":"msteams",
             "serviceUrl":"https://smba.trafficmanager.net/emea/",
             "text":"<at>Idun Bot</at> what is   the time? ",
             "from":{"id":"29:user","name":"Ann"},"recipient":{"id":"28:bot","name":"Idun Bot"},
             "conversation":{"id":"19:abc@thread.skype;messageid=1712345","conversationType":"channel"}}
            """;

    @Test
    void reads_a_message_activity_and_strips_the_bot_mention() {
        TeamsActivity activity = TeamsActivity.parse(MESSAGE);
        assertThat(activity.answerable()).isTrue();
        assertThat(activity.userText()).isEqualTo("what is   the time?");
        assertThat(activity.id()).isEqualTo("1712345");
        assertThat(activity.channelId()).isEqualTo("msteams");
        assertThat(activity.conversationId()).isEqualTo("19:abc@thread.skype;messageid=1712345");
        assertThat(activity.from().path("id").asText()).isEqualTo("29:user");
    }

    @Test
    void conversation_key_is_the_first_32_hex_digits_of_the_sha1_of_the_conversation_id() {
        TeamsActivity activity = TeamsActivity.parse("{\"type\":\"message\",\"conversation\":{\"id\":\"abc\"}}");
        // SHA-1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
        assertThat(activity.conversationKey()).isEqualTo("a9993e364706816aba3e25717850c26c");
    }

    @Test
    void other_activities_and_empty_messages_are_not_answered() {
        assertThat(TeamsActivity.parse("{\"type\":\"conversationUpdate\",\"id\":\"1\",\"conversation\":{\"id\":\"c\"}}")
                        .answerable())
                .isFalse();
        assertThat(TeamsActivity.parse(
                                "{\"type\":\"message\",\"id\":\"1\",\"text\":\"<at>Bot</at> \",\"conversation\":{\"id\":\"c\"}}")
                        .answerable())
                .isFalse();
    }

    @Test
    void refuses_a_body_that_is_not_a_json_object() {
        assertThatThrownBy(() -> TeamsActivity.parse("\"x\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
