package dev.idun.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.channels.InboundMessage;
import dev.idun.config.Json;
import org.junit.jupiter.api.Test;

class TelegramUpdatesTest {
    @Test
    void a_text_message_goes_to_the_agent_keyed_by_update_id_in_its_chat() {
        var messages = TelegramUpdates.messages(Json.parse("""
                {"update_id": 77, "message": {"message_id": 1, "from": {"id": 5, "is_bot": false},
                 "chat": {"id": -100123, "type": "group"}, "text": "hello"}}"""));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.dedupeKey()).isEqualTo("77");
            assertThat(m.conversationKey()).isEqualTo("-100123");
            assertThat(m.text()).isEqualTo("hello");
            assertThat(m.kind()).isEqualTo(InboundMessage.Kind.AGENT);
            assertThat(m.target()).isEqualTo(new TelegramTarget(-100123));
        });
    }

    @Test
    void a_sticker_gets_a_polite_reply_and_bots_and_edits_are_ignored() {
        assertThat(TelegramUpdates.messages(Json.parse("""
                        {"update_id": 78, "message": {"message_id": 2, "from": {"id": 5, "is_bot": false},
                         "chat": {"id": 9, "type": "private"}, "sticker": {"file_id": "x"}}}""")))
                .singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(InboundMessage.Kind.DIRECT));
        assertThat(TelegramUpdates.messages(Json.parse("""
                        {"update_id": 79, "message": {"message_id": 3, "from": {"id": 6, "is_bot": true},
                         "chat": {"id": 9, "type": "private"}, "text": "beep"}}"""))).isEmpty();
        assertThat(TelegramUpdates.messages(Json.parse("""
                        {"update_id": 80, "edited_message": {"message_id": 3, "chat": {"id": 9}, "text": "x"}}"""))).isEmpty();
    }
}
