package dev.idun.channels.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.idun.config.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Bot Framework activity as the channel needs it: type, id, text, where to answer ({@code serviceUrl},
 * conversation) and the parties (kept as sent, to be swapped in the reply).
 */
public record TeamsActivity(
        String type,
        String id,
        String text,
        String channelId,
        String serviceUrl,
        JsonNode conversation,
        JsonNode from,
        JsonNode recipient) {
    private static final Pattern MENTION = Pattern.compile("<at\\b[^>]*>.*?</at>", Pattern.DOTALL);

    public TeamsActivity {
        conversation = conversation == null ? MissingNode.getInstance() : conversation;
        from = from == null ? MissingNode.getInstance() : from;
        recipient = recipient == null ? MissingNode.getInstance() : recipient;
    }

    /** Parses an activity body; throws {@link IllegalArgumentException} when it is not a JSON object. */
    public static TeamsActivity parse(String body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("activity is not JSON");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("activity is not a JSON object");
        }
        return new TeamsActivity(
                text(root.path("type")),
                text(root.path("id")),
                text(root.path("text")),
                text(root.path("channelId")),
                text(root.path("serviceUrl")),
                root.path("conversation"),
                root.path("from"),
                root.path("recipient"));
    }

    public String conversationId() {
        return text(conversation.path("id"));
    }

    /** A user's message the agent should answer: a {@code message} with an id, a conversation and some text. */
    public boolean answerable() {
        return "message".equals(type)
                && id != null
                && conversationId() != null
                && !userText().isEmpty();
    }

    /** The text without {@code <at>...</at>} mentions of the bot, trimmed. */
    public String userText() {
        return text == null ? "" : MENTION.matcher(text).replaceAll("").strip();
    }

    /** The conversation key of the thread id: the first 32 hex digits of SHA-1 of the conversation id. */
    public String conversationKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(Objects.requireNonNull(conversationId(), "conversation id")
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
