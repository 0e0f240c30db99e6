package dev.idun.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.Json;
import org.junit.jupiter.api.Test;

class SlackEventsTest {
    @Test
    void a_mention_and_the_message_of_the_same_post_share_one_dedupe_key() {
        var mention = SlackEvents.messages(Json.parse("""
                {"type": "event_callback", "event_id": "Ev1", "event": {"type": "app_mention", "user": "U1",
                 "channel": "C1", "ts": "10.5", "text": "<@UBOT|idun> hi there"}}"""));
        var message = SlackEvents.messages(Json.parse("""
                {"type": "event_callback", "event_id": "Ev2", "event": {"type": "message", "user": "U1",
                 "channel": "C1", "ts": "10.5", "text": "<@UBOT> hi there"}}"""));

        assertThat(mention.get(0).dedupeKey())
                .isEqualTo(message.get(0).dedupeKey())
                .isEqualTo("C1:10.5");
        assertThat(mention.get(0).text()).isEqualTo("hi there");
        assertThat(mention.get(0).conversationKey()).isEqualTo("U1");
    }

    @Test
    void bot_messages_subtypes_and_other_events_are_skipped() {
        assertThat(SlackEvents.messages(Json.parse("""
                        {"type": "event_callback", "event": {"type": "message", "bot_id": "B1", "channel": "C1",
                         "ts": "1.1", "text": "x"}}"""))).isEmpty();
        assertThat(SlackEvents.messages(Json.parse("""
                        {"type": "event_callback", "event": {"type": "message", "subtype": "channel_join",
                         "user": "U1", "channel": "C1", "ts": "1.2", "text": "joined"}}"""))).isEmpty();
        assertThat(SlackEvents.messages(Json.parse("{\"type\": \"app_rate_limited\"}")))
                .isEmpty();
    }
}
