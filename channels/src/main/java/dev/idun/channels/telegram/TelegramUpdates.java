package dev.idun.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.channels.InboundMessage;
import java.util.List;

/**
 * Reads a Telegram {@code Update}: a {@code message} with text (or a caption) reaches the agent, other messages get a
 * short polite reply, messages from bots and other update kinds are ignored. Dedupe key: {@code update_id};
 * conversation: the chat id.
 */
final class TelegramUpdates {
    static final String UNSUPPORTED_REPLY = "Sorry, I can only read text messages. Please send your question as text.";

    private TelegramUpdates() {}

    static List<InboundMessage> messages(JsonNode update) {
        JsonNode message = update.path("message");
        if (!update.hasNonNull("update_id") || !message.isObject()) {
            return List.of();
        }
        JsonNode chat = message.path("chat");
        if (!chat.path("id").canConvertToLong()
                || message.path("from").path("is_bot").asBoolean(false)) {
            return List.of();
        }
        String key = update.get("update_id").asText();
        long chatId = chat.path("id").asLong();
        String conversation = Long.toString(chatId);
        TelegramTarget target = new TelegramTarget(chatId);
        String text = message.hasNonNull("text")
                ? message.get("text").asText()
                : message.path("caption").asText("");
        if (text.isBlank()) {
            return List.of(InboundMessage.directReply(key, conversation, UNSUPPORTED_REPLY, target));
        }
        return List.of(InboundMessage.forAgent(key, conversation, text, target));
    }
}
