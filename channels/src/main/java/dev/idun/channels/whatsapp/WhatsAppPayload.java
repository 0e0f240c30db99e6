package dev.idun.channels.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.channels.InboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a WhatsApp Cloud API webhook payload ({@code entry[].changes[].value}): text messages, button and list
 * replies and media captions go to the agent; other message types get a short polite reply; reactions and delivery
 * statuses are only recorded. Dedupe key: the message id (a status: {@code status:<id>:<status>}).
 */
final class WhatsAppPayload {
    static final String UNSUPPORTED_REPLY = "Sorry, I can only read text messages. Please send your question as text.";

    private WhatsAppPayload() {}

    /** The phone number ids the payload's changes are addressed to. */
    static List<String> phoneNumberIds(JsonNode payload) {
        List<String> ids = new ArrayList<>();
        for (JsonNode value : values(payload)) {
            String id = value.path("metadata").path("phone_number_id").asText("");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    static List<InboundMessage> messages(JsonNode payload) {
        List<InboundMessage> items = new ArrayList<>();
        for (JsonNode value : values(payload)) {
            for (JsonNode message : value.path("messages")) {
                message(message).ifPresent(items::add);
            }
            for (JsonNode status : value.path("statuses")) {
                items.add(status(status));
            }
        }
        return items;
    }

    private static List<JsonNode> values(JsonNode payload) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (change.path("value").isObject()) {
                    values.add(change.path("value"));
                }
            }
        }
        return values;
    }

    private static Optional<InboundMessage> message(JsonNode message) {
        String id = message.path("id").asText("");
        String from = message.path("from").asText("");
        if (id.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        String type = message.path("type").asText("");
        if (type.equals("reaction")) {
            return Optional.of(InboundMessage.recordOnly(id, from, null));
        }
        String text = text(message, type);
        WhatsAppTarget target = new WhatsAppTarget(from);
        if (text == null || text.isBlank()) {
            return Optional.of(InboundMessage.directReply(id, from, UNSUPPORTED_REPLY, target));
        }
        return Optional.of(InboundMessage.forAgent(id, from, text, target));
    }

    private static String text(JsonNode message, String type) {
        return switch (type) {
            case "text" -> message.path("text").path("body").asText(null);
            case "button" -> message.path("button").path("text").asText(null);
            case "interactive" -> interactive(message.path("interactive"));
            case "image", "video", "document" ->
                message.path(type).path("caption").asText(null);
            default -> null;
        };
    }

    private static String interactive(JsonNode interactive) {
        JsonNode reply =
                interactive.has("button_reply") ? interactive.path("button_reply") : interactive.path("list_reply");
        return reply.path("title").asText(null);
    }

    private static InboundMessage status(JsonNode status) {
        String id = status.path("id").asText("");
        String state = status.path("status").asText("");
        String recipient = status.path("recipient_id").asText(null);
        String error = null;
        if (state.equals("failed")) {
            JsonNode first = status.path("errors").path(0);
            error = "WhatsApp reports the message failed: " + first.path("code").asText("?") + " "
                    + first.path("title").asText("");
        }
        return InboundMessage.recordOnly("status:" + id + ":" + state, recipient, error);
    }
}
