package dev.idun.channels.googlechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;

/**
 * A Google Chat event reduced to what the channel needs, from either payload shape: the classic Chat app event
 * ({@code {type, message, space, user}}) or the Workspace add-on event ({@code {chat: {messagePayload, ...}}}).
 * {@code text} is the message's {@code argumentText} (the text without the bot mention) when it has any, else
 * its {@code text}.
 */
public record GoogleChatEvent(
        String type,
        String messageName,
        String text,
        String spaceName,
        String threadName,
        String senderName,
        String senderType) {
    public static final String MESSAGE = "MESSAGE";
    public static final String ADDED_TO_SPACE = "ADDED_TO_SPACE";
    public static final String REMOVED_FROM_SPACE = "REMOVED_FROM_SPACE";

    /** Parses an event body; throws {@link IllegalArgumentException} when it is not a JSON object. */
    public static GoogleChatEvent parse(String body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("event is not JSON");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("event is not a JSON object");
        }
        String type = text(root.path("type"));
        JsonNode message = root.path("message");
        JsonNode space = root.path("space");
        JsonNode chat = root.path("chat");
        if (chat.isObject()) {
            if (chat.has("messagePayload")) {
                type = MESSAGE;
                JsonNode payload = chat.path("messagePayload");
                message = payload.path("message");
                if (!space.isObject()) {
                    space = payload.path("space");
                }
            } else if (chat.has("addedToSpacePayload")) {
                type = ADDED_TO_SPACE;
            } else if (chat.has("removedFromSpacePayload")) {
                type = REMOVED_FROM_SPACE;
            }
        }
        String argumentText = text(message.path("argumentText"));
        String text =
                argumentText != null && !argumentText.isBlank() ? argumentText.strip() : text(message.path("text"));
        String spaceName = text(message.path("space").path("name"));
        if (spaceName == null) {
            spaceName = text(space.path("name"));
        }
        return new GoogleChatEvent(
                type,
                text(message.path("name")),
                text == null ? "" : text,
                spaceName,
                text(message.path("thread").path("name")),
                text(message.path("sender").path("name")),
                text(message.path("sender").path("type")));
    }

    /** A user's message the agent should answer: a MESSAGE with a space, from someone who is not a bot. */
    public boolean answerable() {
        return MESSAGE.equals(type)
                && messageName != null
                && spaceName != null
                && !spaceName.isBlank()
                && !"BOT".equals(senderType)
                && !text.isBlank();
    }

    /** The conversation key of the thread id: the sender ({@code users/...}), else {@code unknown}. */
    public String conversationKey() {
        return senderName == null ? "unknown" : senderName;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
