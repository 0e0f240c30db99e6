package dev.idun.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a Discord interaction the agent needs: ids, the continuation token, where it came from, who sent it,
 * and the text (the STRING option values joined by spaces, else the command name).
 */
public record DiscordInteraction(
        String id,
        int type,
        String token,
        String applicationId,
        String guildId,
        String userId,
        String commandName,
        String text) {
    public static final int PING = 1;
    public static final int APPLICATION_COMMAND = 2;
    private static final int STRING_OPTION = 3;

    public DiscordInteraction {
        Objects.requireNonNull(id, "id");
    }

    /** Parses an interaction body; throws {@link IllegalArgumentException} when it has no id or no integer type. */
    public static DiscordInteraction parse(String body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("interaction is not JSON");
        }
        String id = text(root.path("id"));
        if (id == null || !root.path("type").canConvertToInt()) {
            throw new IllegalArgumentException("interaction has no id or type");
        }
        JsonNode data = root.path("data");
        String commandName = text(data.path("name"));
        List<String> values = new ArrayList<>();
        collectStrings(data.path("options"), values);
        String text = values.isEmpty() ? (commandName == null ? "" : commandName) : String.join(" ", values);
        String userId = text(root.path("member").path("user").path("id"));
        if (userId == null) {
            userId = text(root.path("user").path("id"));
        }
        return new DiscordInteraction(
                id,
                root.path("type").asInt(),
                text(root.path("token")),
                text(root.path("application_id")),
                text(root.path("guild_id")),
                userId,
                commandName,
                text);
    }

    /** The conversation key of the thread id: the user, else (no user at all) the interaction. */
    public String conversationKey() {
        return userId != null ? userId : id;
    }

    /** Option values of STRING type, in order, also inside subcommands and subcommand groups. */
    private static void collectStrings(JsonNode options, List<String> into) {
        for (JsonNode option : options) {
            if (option.path("type").asInt() == STRING_OPTION && option.has("value")) {
                into.add(option.path("value").asText());
            }
            collectStrings(option.path("options"), into);
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    @Override
    public String toString() {
        return "DiscordInteraction[id=" + id + ", type=" + type + ", guildId=" + guildId + ", userId=" + userId + "]";
    }
}
